using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// Syncing has a bound (issue 27): a coordinator whose results actor never says what results.jsonl holds fails with a clear
/// reason after its timeout, or once more messages wait than its stash bound allows, instead of stashing for ever.
/// </summary>
public sealed class CoordinatorSyncBoundTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_results_actor_that_never_answers_fails_the_coordinator_after_the_sync_timeout()
    {
        // given a results actor that never answers, and a coordinator that waits for it at most 1 s
        var results = CreateTestProbe();
        Sys.EventStream.Subscribe(TestActor, typeof(CoordinatorFailed));
        var settings = new CoordinatorSettings(PersistenceId: "sync-timeout", SyncTimeout: TimeSpan.FromSeconds(1));

        // when the coordinator starts
        Sys.ActorOf(CoordinatorActor.Props(InMemoryTrialSource.Of(3), results.Ref, settings));

        // then it asked, and after the timeout it fails, saying what it waited for
        results.ExpectMsg<GetRecordedTrials>(Patience);
        var failed = ExpectMsg<CoordinatorFailed>(Patience);
        Assert.Contains("did not say what results.jsonl holds within 1 s", failed.Reason);
    }

    [Fact]
    public void More_messages_than_the_stash_bound_while_syncing_fail_the_coordinator()
    {
        // given a coordinator waiting for a silent results actor, with room for 5 waiting messages
        var results = CreateTestProbe();
        Sys.EventStream.Subscribe(TestActor, typeof(CoordinatorFailed));
        var settings = new CoordinatorSettings(PersistenceId: "sync-stash", SyncTimeout: TimeSpan.FromMinutes(10), MaxStashedWhileSyncing: 5);
        var coordinator = Sys.ActorOf(CoordinatorActor.Props(InMemoryTrialSource.Of(3), results.Ref, settings));
        results.ExpectMsg<GetRecordedTrials>(Patience);

        // when 5 messages arrive, nothing fails; when a 6th arrives, it fails naming the bound
        for (var i = 0; i < 5; i++)
        {
            coordinator.Tell(GetSweepStatus.Instance, TestActor);
        }
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        coordinator.Tell(GetSweepStatus.Instance, TestActor);
        var failed = ExpectMsg<CoordinatorFailed>(Patience);
        Assert.Contains("more than 5 messages arrived while the coordinator waited", failed.Reason);
    }
}
