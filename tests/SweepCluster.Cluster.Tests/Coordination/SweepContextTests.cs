using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Tests.Coordination;

public class SweepContextTests
{
    private static SweepContext ContextWith(CoordinatorSettings settings) =>
        new("seed-ffnn", InMemoryTrialSource.Of(1), settings, ActorRefs.Nobody, new TrialLog(NoLogger.Instance));

    [Fact]
    public void The_journal_id_is_the_settings_own_or_else_made_of_the_sweeps_id()
    {
        Assert.Equal("sweep-seed-ffnn", ContextWith(new CoordinatorSettings()).PersistenceId);
        Assert.Equal("journal-7", ContextWith(new CoordinatorSettings(PersistenceId: "journal-7")).PersistenceId);
    }
}
