using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

public sealed class AssignmentDeskTests : TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkerInfo Info = new("w0", "node-a", "cpu");

    private readonly IActorRef worker;

    public AssignmentDeskTests() => worker = CreateTestProbe().Ref;

    private static Desks NewDesks(long? maxPayloadBytes = null) => new(InMemoryTrialSource.Of(10), ActorRefs.Nobody, maxPayloadBytes: maxPayloadBytes);

    [Fact]
    public void A_pack_is_held_at_each_trials_next_attempt_and_travels_as_one_message()
    {
        // given trials 0..2 drawn, and trial 1 failed once before
        var desks = NewDesks();
        desks.Take(3);
        desks.Tally.AttemptFailed(1, 1);

        // when trials 0 and 1 are handed to the worker
        var handout = desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        // then they travel as one pack, trial 1 at its second attempt, and the worker holds both
        var pack = Assert.IsType<AssignPack>(handout.Message);
        Assert.Equal([(0L, 1), (1L, 2)], pack.Trials.Select(t => (t.Trial.Index, t.Attempt)));
        Assert.Null(handout.TooLarge);
        Assert.Equal(2, desks.Assignments.HeldTrials);
        Assert.Equal([0L, 1], desks.Assignments.All.Select(a => a.Trial.Index));
    }

    [Fact]
    public void A_single_trial_too_large_to_send_is_not_held_and_comes_back_with_its_failure()
    {
        var desks = NewDesks(maxPayloadBytes: 50);
        desks.Take(1);

        var handout = desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0)], Start);

        Assert.Null(handout.Message);
        Assert.Equal([0L], handout.Held.Select(a => a.Trial.Index));
        Assert.Equal("its assignment is 100 bytes, over the remoting frame of 50 bytes", handout.TooLarge!.Reason);
        Assert.True(desks.Assignments.IsEmpty);
    }

    [Fact]
    public void A_dead_workers_pack_goes_back_to_the_front_of_the_queue_in_order()
    {
        var desks = NewDesks();
        desks.Take(4);
        desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1), InMemoryTrialSource.Spec(2)], Start);

        Assert.True(desks.Assignments.Terminated(worker));

        Assert.True(desks.Assignments.IsEmpty);
        Assert.Equal([0L, 1, 2, 4], desks.Take(4));
        Assert.False(desks.Assignments.Terminated(worker));
    }

    [Fact]
    public void A_trial_handed_back_goes_back_first_and_one_the_worker_does_not_hold_changes_nothing()
    {
        var desks = NewDesks();
        desks.Take(2);
        desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        Assert.True(desks.Assignments.HandedBack(worker, 1));
        Assert.False(desks.Assignments.HandedBack(worker, 7));

        Assert.Equal([0L], desks.Assignments.All.Select(a => a.Trial.Index));
        Assert.Equal([1L, 2], desks.Take(2));
    }

    [Fact]
    public void A_worker_that_asks_while_holding_trials_lost_them_and_they_go_back()
    {
        var desks = NewDesks();
        desks.Take(2);
        desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        desks.Assignments.AskedAgain(worker);

        Assert.True(desks.Assignments.IsEmpty);
        Assert.Equal([0L, 1, 2], desks.Take(3).Order());
    }

    [Fact]
    public void A_result_releases_only_its_own_trial()
    {
        var desks = NewDesks();
        desks.Take(2);
        desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        Assert.Equal(1L, desks.Assignments.Release(worker, 1)!.Trial.Index);
        Assert.Null(desks.Assignments.Release(worker, 1));

        Assert.Equal(1, desks.Assignments.HeldTrials);
        Assert.Equal([2L], desks.Take(1));
    }

    [Fact]
    public void An_unacknowledged_assignment_is_sent_again_twice_then_its_trials_go_back_in_order()
    {
        // given a pack of trials 0 and 1 that the worker never acknowledges (three sends in all)
        var desks = NewDesks();
        desks.Take(3);
        var handout = desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        // then at the end of each of the first two leases the same message is sent again
        for (var lease = 1; lease <= 2; lease++)
        {
            var round = desks.Assignments.Lapse(Start + lease * Desks.Lease);
            var resent = Assert.Single(round.Resends);
            Assert.Same(worker, resent.To);
            Assert.Same(handout.Message, resent.Message);
            Assert.Empty(round.Lapsed);
        }

        // and at the end of the third nothing is sent: the trials are back at the front, before trial 3
        var last = desks.Assignments.Lapse(Start + 3 * Desks.Lease);
        Assert.Empty(last.Resends);
        Assert.Same(worker, Assert.Single(last.Lapsed));
        Assert.True(desks.Assignments.IsEmpty);
        Assert.Equal([0L, 1, 3], desks.Take(3));
    }

    [Fact]
    public void An_acknowledged_assignment_is_never_due()
    {
        var desks = NewDesks();
        desks.Take(2);
        desks.Assignments.Hand(worker, Info, [InMemoryTrialSource.Spec(0), InMemoryTrialSource.Spec(1)], Start);

        desks.Assignments.Acknowledge(worker, [1]);

        var round = desks.Assignments.Lapse(Start + TimeSpan.FromMinutes(10));
        Assert.Empty(round.Resends);
        Assert.Empty(round.Lapsed);
        Assert.Equal(2, desks.Assignments.HeldTrials);
    }
}
