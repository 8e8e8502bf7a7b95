using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

/// <summary>A sweep's end reaches the hosts on the event stream, the waiters and the workers, each once.</summary>
public sealed class SweepAnnouncerTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private SweepAnnouncer NewAnnouncer() =>
        new(new SweepContext("seed-ffnn", InMemoryTrialSource.Of(2), new CoordinatorSettings(), ActorRefs.Nobody, new TrialLog(NoLogger.Instance)),
            Sys.EventStream);

    [Fact]
    public void A_finished_sweep_tells_its_waiters_and_the_hosts_the_summary_and_its_workers_that_it_is_over()
    {
        var waiter = CreateTestProbe();
        var worker = CreateTestProbe();
        Sys.EventStream.Subscribe(TestActor, typeof(SweepCompleted));
        var summary = new SweepSummary("seed-ffnn", Total: 2, Done: 1, Failed: 1, Interrupted: 0, NotRun: 0, Stopped: false);

        NewAnnouncer().Finished(summary, [waiter.Ref], [worker.Ref]);

        Assert.Equal(summary, waiter.ExpectMsg<SweepCompleted>(Patience).Summary);
        Assert.Equal(summary, ExpectMsg<SweepCompleted>(Patience).Summary);
        Assert.Equal("seed-ffnn", worker.ExpectMsg<SweepOver>(Patience).SweepId);
        waiter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_refusal_and_a_failure_reach_the_hosts_with_their_reasons()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(SweepRefused));
        Sys.EventStream.Subscribe(TestActor, typeof(CoordinatorFailed));
        var announcer = NewAnnouncer();

        announcer.Refused("the journal holds another sweep");
        announcer.Failed("the journal could not be read");

        Assert.Equal("the journal holds another sweep", ExpectMsg<SweepRefused>(Patience).Reason);
        Assert.Equal("the journal could not be read", ExpectMsg<CoordinatorFailed>(Patience).Reason);
    }
}
