using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;

namespace SweepCluster.Cluster.Tests.Coordination;

public class SweepRecoveryTests
{
    private static SweepRecovery NewRecovery() => new(new SyncBound(TimeSpan.FromSeconds(60), 10));

    [Fact]
    public void A_new_journal_or_one_of_the_same_definition_is_resumed()
    {
        var recovery = NewRecovery();
        Assert.Null(recovery.RefusalReason("sweep-x", "abc", 10));

        recovery.Started = new SweepStarted("x", "abc", 10);
        Assert.Null(recovery.RefusalReason("sweep-x", "abc", 10));
        // An unknown hash on either side skips the hash check.
        Assert.Null(recovery.RefusalReason("sweep-x", "", 10));
    }

    [Fact]
    public void A_journal_of_another_definition_is_refused_naming_both()
    {
        var recovery = NewRecovery();
        recovery.Started = new SweepStarted("x", "0123456789abcdef", 10);

        var reason = recovery.RefusalReason("sweep-x", "", 12);

        Assert.Equal("the journal (sweep-x) holds sweep 'x' with another definition (10 trials, definition 0123456789ab; this one: 12 trials, unknown). "
            + "Resume with the same sweep file and --set options, or use another output folder (and journal).", reason);
        Assert.NotNull(recovery.RefusalReason("sweep-x", "fedcba", 10));
    }

    [Fact]
    public void Reconciling_adopts_results_the_journal_missed_and_counts_journaled_ones_that_are_gone()
    {
        var recovery = NewRecovery();
        var tally = new SweepTally(new TrialQueue(5));
        recovery.Journaled(0, TrialStatus.Completed);
        recovery.Journaled(1, TrialStatus.Completed);

        var outcome = recovery.Reconcile([(0, TrialStatus.Completed), (3, TrialStatus.Failed)], tally);

        Assert.Equal([(3L, TrialStatus.Failed)], outcome.Adopted);
        Assert.Equal(1, outcome.Missing);
        Assert.Equal(2, outcome.Resumed);
        Assert.Equal(10, recovery.Sync.MaxStashed);
    }
}
