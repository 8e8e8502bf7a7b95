using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class CoordinatorBehaviourTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_trial_is_dispatched_and_finished_exactly_once(int workerCount)
    {
        // given a sweep of 25 trials and a fake trainer
        var source = InMemoryTrialSource.Of(25);
        var trainer = new FakeTrainer();
        using var sweep = new SweepHarness(Sys, source);

        // when workers run it
        for (var i = 0; i < workerCount; i++)
        {
            sweep.AddWorker(trainer, $"w{i}");
        }
        var summary = AwaitCompletion(sweep);

        // then every trial ran once and is on the leaderboard once
        Assert.Equal(new SweepSummary("test", 25, 25, 0, 0, 0, false), summary);
        Assert.All(Enumerable.Range(0, 25), i => Assert.Equal(1, trainer.CallsFor($"test-{i}")));
        var rows = Leaderboard(sweep);
        Assert.Equal(25, rows.Select(r => r.Entry.TrialId).Distinct().Count());
        Assert.Equal(25, ResultsJournal.Read(sweep.Paths.ResultsJournal).Count);
    }

    [Fact]
    public void Dead_worker_trials_are_requeued_and_finish_once()
    {
        // given a trial that blocks on the first worker to take it, and a second worker
        var source = InMemoryTrialSource.Of(3);
        var blocking = new FakeTrainer { Blocks = t => t.Index == 0 };
        var quick = new FakeTrainer();
        using var sweep = new SweepHarness(Sys, source);
        var doomed = sweep.AddWorker(blocking, "doomed");
        AwaitCondition(() => blocking.Started.Contains("test-0"), Patience);

        // when the worker holding trial 0 is stopped mid-trial and another worker joins
        Watch(doomed);
        Sys.Stop(doomed);
        ExpectTerminated(doomed, Patience);
        sweep.AddWorker(quick, "rescuer");
        var summary = AwaitCompletion(sweep);

        // then trial 0 is run again elsewhere, finishes once, and the leaderboard has no duplicate
        Assert.Equal(3, summary.Done);
        Assert.Equal(1, quick.CallsFor("test-0"));
        var rows = Leaderboard(sweep);
        Assert.Equal(3, rows.Count);
        Assert.Equal("rescuer", rows.Single(r => r.Entry.TrialId == "test-0").Entry.Result.Worker);
    }

    [Fact]
    public void Throwing_trainer_is_retried_up_to_the_limit_then_fails_for_good()
    {
        // given a trainer that always throws for trial 1, and max_retries = 2
        var source = InMemoryTrialSource.Of(4);
        var trainer = new FakeTrainer { Throw = t => t.Index == 1 ? new InvalidOperationException("boom") : null };
        using var sweep = new SweepHarness(Sys, source, maxRetries: 2);

        // when two workers run the sweep
        sweep.AddWorker(trainer, "w0");
        sweep.AddWorker(trainer, "w1");
        var summary = AwaitCompletion(sweep);

        // then trial 1 ran 3 times, failed for good with the exception message, and the sweep completed
        Assert.Equal(3, trainer.CallsFor("test-1"));
        Assert.Equal((3L, 1L), (summary.Done, summary.Failed));
        var failed = Leaderboard(sweep).Single(r => r.Entry.TrialId == "test-1");
        Assert.Null(failed.Rank);
        Assert.Equal((TrialStatus.Failed, "boom", TrialFailureKind.Transient),
            (failed.Entry.Result.Status, failed.Entry.Result.Reason, failed.Entry.Result.FailureKind));
    }

    [Fact]
    public void Deterministic_failure_is_not_retried_and_fails_for_good_at_once()
    {
        // given a trainer that finds a configuration problem in trial 1, and max_retries = 2
        var source = InMemoryTrialSource.Of(4);
        var trainer = new FakeTrainer
        {
            Returns = t => t.Index == 1
                ? new TrialResult(t.Id, TrialStatus.Failed, "model.outputs=2 but the data has 3 classes", null, [], FailureKind: TrialFailureKind.Deterministic)
                : null,
        };
        using var sweep = new SweepHarness(Sys, source, maxRetries: 2);

        // when two workers run the sweep
        sweep.AddWorker(trainer, "w0");
        sweep.AddWorker(trainer, "w1");
        var summary = AwaitCompletion(sweep);

        // then trial 1 ran once and failed for good with its reason and kind; the others completed
        Assert.Equal(1, trainer.CallsFor("test-1"));
        Assert.Equal((3L, 1L), (summary.Done, summary.Failed));
        var failed = Leaderboard(sweep).Single(r => r.Entry.TrialId == "test-1");
        Assert.Equal((TrialStatus.Failed, "model.outputs=2 but the data has 3 classes", TrialFailureKind.Deterministic),
            (failed.Entry.Result.Status, failed.Entry.Result.Reason, failed.Entry.Result.FailureKind));
    }

    [Fact]
    public void Failure_of_no_stated_kind_is_retried_as_transient()
    {
        // given a trainer that returns a failure without saying its kind for trial 0, and max_retries = 1
        var source = InMemoryTrialSource.Of(2);
        var trainer = new FakeTrainer { Returns = t => t.Index == 0 ? new TrialResult(t.Id, TrialStatus.Failed, "flaky", null, []) : null };
        using var sweep = new SweepHarness(Sys, source, maxRetries: 1);

        // when a worker runs the sweep
        sweep.AddWorker(trainer, "w0");
        var summary = AwaitCompletion(sweep);

        // then it ran twice and is recorded as a transient failure
        Assert.Equal(2, trainer.CallsFor("test-0"));
        Assert.Equal(1L, summary.Failed);
        Assert.Equal(TrialFailureKind.Transient, Leaderboard(sweep).Single(r => r.Entry.TrialId == "test-0").Entry.Result.FailureKind);
    }

    [Fact]
    public void Slow_and_fast_workers_both_stay_busy_and_hold_one_trial_each()
    {
        // given a slow and a fast worker over 30 trials
        var source = InMemoryTrialSource.Of(30);
        var slow = new FakeTrainer { Delay = TimeSpan.FromMilliseconds(150) };
        var fast = new FakeTrainer();
        using var sweep = new SweepHarness(Sys, source);
        var probe = CreateTestProbe();

        // when both pull work
        sweep.AddWorker(slow, "slow");
        sweep.AddWorker(fast, "fast");
        var maxRunning = 0L;
        AwaitAssert(() =>
        {
            sweep.Coordinator.Tell(GetSweepStatus.Instance, probe);
            var status = probe.ExpectMsg<SweepStatus>(Patience);
            maxRunning = Math.Max(maxRunning, status.Running);
            Assert.Equal(30, status.Done);
        }, Patience, TimeSpan.FromMilliseconds(5));

        // then both worked, the fast one did more, and never more trials ran than there are workers
        Assert.True(slow.TotalCalls >= 1, "the slow worker got work");
        Assert.True(fast.TotalCalls > slow.TotalCalls, $"fast {fast.TotalCalls} vs slow {slow.TotalCalls}");
        Assert.True(maxRunning <= 2);
    }

    [Fact]
    public void Stopped_sweep_interrupts_running_trials_and_completes()
    {
        // given a trial that blocks until cancelled
        var source = InMemoryTrialSource.Of(5);
        var trainer = new FakeTrainer { Blocks = _ => true };
        using var sweep = new SweepHarness(Sys, source);
        sweep.AddWorker(trainer, "w0");
        AwaitCondition(() => trainer.Started.Contains("test-0"), Patience);

        // when the sweep is stopped with interruption
        sweep.Coordinator.Tell(new StopSweep(InterruptRunning: true));
        var summary = AwaitCompletion(sweep);

        // then the running trial is recorded as interrupted and the rest never ran
        Assert.Equal(new SweepSummary("test", 5, 1, 0, 1, 4, true), summary);
        Assert.Equal(TrialStatus.Interrupted, Leaderboard(sweep).Single().Entry.Result.Status);
    }

    [Fact]
    public void Duplicate_completion_of_a_finished_trial_is_ignored()
    {
        // given a sweep of one trial driven by a probe acting as a worker
        var source = InMemoryTrialSource.Of(1);
        using var sweep = new SweepHarness(Sys, source);
        var worker = CreateTestProbe();
        sweep.Coordinator.Tell(new RegisterWorker("probe", "n"), worker);
        sweep.Coordinator.Tell(RequestTrial.Instance, worker);
        worker.ExpectMsg<Workers.WorkerProtocol.WorkerRegistered>(Patience);
        var assigned = worker.ExpectMsg<Workers.WorkerProtocol.AssignTrial>(Patience);
        var result = new TrialResult(assigned.Trial.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(1), []);

        // when the same result arrives twice
        sweep.Coordinator.Tell(new TrialFinished(0, result), worker);
        sweep.Coordinator.Tell(new TrialFinished(0, result), worker);
        var summary = AwaitCompletion(sweep);

        // then it counts once
        Assert.Equal(1, summary.Done);
        sweep.Coordinator.Tell(GetSweepStatus.Instance);
        Assert.Equal(1, ExpectMsg<SweepStatus>(Patience).Done);
        Assert.Single(Leaderboard(sweep));
    }

    [Fact]
    public void Trial_handed_back_by_a_leaving_worker_is_requeued_not_recorded()
    {
        // given a worker (a probe) holding trial 0 of a one-trial sweep
        using var sweep = new SweepHarness(Sys, InMemoryTrialSource.Of(1));
        var leaving = CreateTestProbe();
        sweep.Coordinator.Tell(new RegisterWorker("leaving", "n"), leaving);
        sweep.Coordinator.Tell(RequestTrial.Instance, leaving);
        leaving.ExpectMsg<Workers.WorkerProtocol.WorkerRegistered>(Patience);
        Assert.Equal(0, leaving.ExpectMsg<Workers.WorkerProtocol.AssignTrial>(Patience).Trial.Index);

        // when it hands the trial back and another worker asks for work
        sweep.Coordinator.Tell(new ReturnTrial(0, "test-0"), leaving);
        var next = CreateTestProbe();
        sweep.Coordinator.Tell(RequestTrial.Instance, next);

        // then the other worker gets the same trial, and nothing was recorded
        Assert.Equal(0, next.ExpectMsg<Workers.WorkerProtocol.AssignTrial>(Patience).Trial.Index);
        Assert.Empty(Leaderboard(sweep));
    }

    private SweepSummary AwaitCompletion(SweepHarness sweep)
    {
        sweep.Coordinator.Tell(CoordinatorProtocol.AwaitCompletion.Instance);
        return ExpectMsg<SweepCompleted>(Patience).Summary;
    }

    private IReadOnlyList<RankedEntry> Leaderboard(SweepHarness sweep)
    {
        sweep.Results.Tell(FlushLeaderboard.Instance);
        return ExpectMsg<LeaderboardSnapshot>(Patience).Rows;
    }
}
