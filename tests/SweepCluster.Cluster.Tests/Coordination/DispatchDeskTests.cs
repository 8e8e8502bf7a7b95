using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

public sealed class DispatchDeskTests : TestKit
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly IActorRef results;
    private readonly IActorRef first;
    private readonly IActorRef second;

    public DispatchDeskTests() => (results, first, second) = (CreateTestProbe().Ref, CreateTestProbe().Ref, CreateTestProbe().Ref);

    private Desks NewDesks(ITrialSource source, long? maxPayloadBytes = null)
    {
        var desks = new Desks(source, results, maxPayloadBytes: maxPayloadBytes);
        foreach (var (worker, name) in new[] { (first, "w1"), (second, "w2") })
        {
            desks.Workers.Register(worker, new WorkerInfo(name, "node-a", "cpu"));
            desks.Workers.Asked(worker, RequestTrial.Instance);
        }
        return desks;
    }

    private static long AssignedIndex(Delivery delivery) => Assert.IsType<AssignTrial>(delivery.Message).Trial.Index;

    [Fact]
    public void A_worker_that_asks_gets_the_next_trial()
    {
        var desks = NewDesks(InMemoryTrialSource.Of(3));

        var round = desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        var delivery = Assert.Single(round.Deliveries);
        Assert.Equal((first, 0L), (delivery.To, AssignedIndex(delivery)));
        Assert.Empty(delivery.Points);
        Assert.False(round.Exhausted);
        Assert.Equal(1L, desks.Counters.Dispatches);
        Assert.False(desks.Workers.TryNextIdle(out _));
    }

    [Fact]
    public void A_worker_that_asks_again_while_thought_to_hold_a_trial_lost_it_and_gets_it_again()
    {
        var desks = NewDesks(InMemoryTrialSource.Of(3));
        desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        var round = desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        Assert.Equal([0L], round.Deliveries.Select(AssignedIndex));
        Assert.Equal([0L], desks.Assignments.All.Select(a => a.Trial.Index));
        Assert.Equal(2L, desks.Counters.Dispatches);
    }

    [Fact]
    public void A_worker_that_asks_when_nothing_is_left_gets_nothing_and_waits_as_idle()
    {
        var desks = NewDesks(InMemoryTrialSource.Of(1));
        desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        var round = desks.Dispatch.Serve(second, RequestTrial.Instance, At);

        Assert.Empty(round.Deliveries);
        Assert.True(round.Exhausted);
        Assert.True(desks.Workers.TryNextIdle(out var idle));
        Assert.Equal(second, idle);
    }

    [Fact]
    public void Idle_workers_get_work_in_the_order_they_parked_until_one_gets_none()
    {
        // given two idle workers, second parked first, and two trials waiting
        var desks = NewDesks(InMemoryTrialSource.Of(2));
        desks.Workers.Park(second);
        desks.Workers.Park(first);

        var round = desks.Dispatch.ServeIdle(At);

        Assert.Equal([(second, 0L), (first, 1L)], round.Deliveries.Select(d => (d.To, AssignedIndex(d))));
        Assert.False(round.Exhausted);

        // when one more worker is idle with nothing left, it parks again
        desks.Workers.Park(first);
        var empty = desks.Dispatch.ServeIdle(At);
        Assert.Equal((0, true), (empty.Deliveries.Count, empty.Exhausted));
        Assert.True(desks.Workers.TryNextIdle(out var idle));
        Assert.Equal(first, idle);
    }

    [Fact]
    public void A_trial_that_cannot_be_generated_goes_to_the_results_as_failed_and_the_worker_gets_the_next()
    {
        var desks = NewDesks(new FailingTrialSource(3, broken: 0));

        var round = desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        Assert.Equal([results, first], round.Deliveries.Select(d => d.To));
        var failed = Assert.IsType<RecordResult>(round.Deliveries[0].Message).Entry;
        Assert.Equal((0L, TrialStatus.Failed), (failed.Index, failed.Result.Status));
        Assert.Equal(1L, AssignedIndex(round.Deliveries[1]));
        Assert.Equal(1L, desks.Tally.Failed);
    }

    [Fact]
    public void Trials_too_large_to_send_each_fail_for_good_and_the_worker_waits_as_idle()
    {
        var desks = NewDesks(InMemoryTrialSource.Of(2), maxPayloadBytes: 50);

        var round = desks.Dispatch.Serve(first, RequestTrial.Instance, At);

        Assert.Equal([0L, 1], round.Deliveries.Select(d => Assert.IsType<RecordResult>(d.Message).Entry.Index));
        Assert.All(round.Deliveries, d => Assert.Equal(results, d.To));
        Assert.True(round.Exhausted);
        Assert.True(desks.Queue.AllSettled);
        Assert.True(desks.Assignments.IsEmpty);
        Assert.Equal(0L, desks.Counters.Dispatches);
    }
}
