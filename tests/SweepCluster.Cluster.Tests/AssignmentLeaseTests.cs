using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class AssignmentLeaseTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    [Fact]
    public void An_acknowledged_assignment_never_expires()
    {
        var leases = new AssignmentLeases<string>(Lease);
        leases.Sent("w0", "assign", Start);

        Assert.True(leases.Acknowledge("w0"));

        Assert.Empty(leases.Expire(Start + TimeSpan.FromMinutes(10)));
        Assert.False(leases.Acknowledge("w0"));
    }

    [Fact]
    public void An_unacknowledged_assignment_is_sent_again_each_lease_then_given_up_after_the_last_send()
    {
        // given an assignment that nobody acknowledges, with three sends allowed
        var leases = new AssignmentLeases<string>(Lease, maxSends: 3);
        leases.Sent("w0", "assign", Start);

        // then nothing is due before the lease ends
        Assert.Empty(leases.Expire(Start + Lease - TimeSpan.FromMilliseconds(1)));

        // and at each lease's end it is sent again, twice, and then given up (its trials go back)
        Assert.Equal([new LeaseExpiry<string>("w0", "assign", 2, Resend: true)], leases.Expire(Start + Lease));
        Assert.Empty(leases.Expire(Start + Lease + Lease - TimeSpan.FromMilliseconds(1)));
        Assert.Equal([new LeaseExpiry<string>("w0", "assign", 3, Resend: true)], leases.Expire(Start + 2 * Lease));
        Assert.Equal([new LeaseExpiry<string>("w0", "assign", 3, Resend: false)], leases.Expire(Start + 3 * Lease));
        Assert.Equal(0, leases.Count);
    }

    [Fact]
    public void A_new_assignment_replaces_the_open_one_and_forgetting_a_worker_closes_its_lease()
    {
        var leases = new AssignmentLeases<string>(Lease);
        leases.Sent("w0", "first", Start);
        leases.Sent("w0", "second", Start + TimeSpan.FromSeconds(3));
        leases.Sent("w1", "other", Start);
        leases.Forget("w1");

        var due = leases.Expire(Start + Lease);

        Assert.Empty(due);
        Assert.Equal("second", Assert.Single(leases.Expire(Start + TimeSpan.FromSeconds(8))).Message);
    }

    [Fact]
    public void A_lost_assignment_is_sent_again_and_the_sweep_finishes()
    {
        // given a coordinator with a short lease, and a worker whose first assignment is lost on the way
        using var sweep = new SweepHarness(Sys, InMemoryTrialSource.Of(4), assignmentLease: TimeSpan.FromMilliseconds(300));
        var (lossy, lost) = WorkerGivenATrial(sweep, "lossy");

        // when the worker never saw it (no acknowledgement), then the same assignment comes again after the lease
        var again = lossy.ExpectMsg<AssignTrial>(Patience);
        Assert.Equal(lost.Trial.Id, again.Trial.Id);

        // and once acknowledged it is not sent again; the result settles the trial and the sweep goes on
        sweep.Coordinator.Tell(new AssignmentStarted([again.Trial.Index]), lossy);
        lossy.ExpectNoMsg(TimeSpan.FromSeconds(1));
        sweep.Coordinator.Tell(new TrialFinished(again.Trial.Index, new TrialResult(again.Trial.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(0.5), [])), lossy);
        sweep.AddWorker(new FakeTrainer(), "steady");
        var summary = AwaitCompletion(sweep);
        Assert.Equal((4L, 4L), (summary.Total, summary.Done));
    }

    [Fact]
    public void Trials_of_a_worker_that_never_acknowledges_go_back_to_the_queue_and_finish_elsewhere()
    {
        // given a coordinator with a short lease, and a worker that receives nothing (its messages are all lost)
        using var sweep = new SweepHarness(Sys, InMemoryTrialSource.Of(3), assignmentLease: TimeSpan.FromMilliseconds(200));
        var (deaf, held) = WorkerGivenATrial(sweep, "deaf");

        // when it never acknowledges (three sends), and a working worker joins
        deaf.ExpectMsg<AssignTrial>(Patience);
        deaf.ExpectMsg<AssignTrial>(Patience);
        var trainer = new FakeTrainer();
        sweep.AddWorker(trainer, "steady");

        // then its trial goes back and the sweep finishes every trial, the deaf worker's one included
        var summary = AwaitCompletion(sweep);
        Assert.Equal((3L, 0L), (summary.Done, summary.Failed));
        AwaitCondition(() => trainer.CallsFor(held.Trial.Id) == 1, Patience);
    }

    /// <summary>A probe registered as a worker that asked for work, and the assignment it got (not acknowledged).</summary>
    private (TestProbe Worker, AssignTrial Assignment) WorkerGivenATrial(SweepHarness sweep, string name)
    {
        var worker = CreateTestProbe();
        sweep.Coordinator.Tell(new RegisterWorker(name, "test-node"), worker);
        worker.ExpectMsg<WorkerRegistered>(Patience);
        sweep.Coordinator.Tell(RequestTrial.Instance, worker);
        return (worker, worker.ExpectMsg<AssignTrial>(Patience));
    }

    private SweepSummary AwaitCompletion(SweepHarness sweep) =>
        sweep.Coordinator.Ask<SweepCompleted>(CoordinatorProtocol.AwaitCompletion.Instance, Patience).Result.Summary;
}
