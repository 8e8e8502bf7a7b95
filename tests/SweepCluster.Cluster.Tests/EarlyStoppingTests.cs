using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>The coordinator with an ASHA scheduler and a trainer whose learning curves are known.</summary>
public sealed class EarlyStoppingTests : TestKit
{
    private const int Trials = 9;
    private const int Epochs = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// val_loss of trial t after epoch e: (10 − t) / e, so later trials are better. With one worker they reach the rungs
    /// (epochs 1 and 3; η = 3) in index order, and ASHA lets a trial go on while it is among the best ⌈n/3⌉ and fewer
    /// than ⌈n/3⌉ went on: at epoch 1 trials 0, 3 and 6 go on (n = 1, 4, 7 raise the allowance), the rest stop; at
    /// epoch 3 only trial 0 (first there) goes on, 3 and 6 stop; trial 0 completes.
    /// </summary>
    private static readonly Dictionary<long, (TrialStatus Status, int Epochs)> HandComputed = new()
    {
        [0] = (TrialStatus.Completed, 9),
        [1] = (TrialStatus.StoppedEarly, 1),
        [2] = (TrialStatus.StoppedEarly, 1),
        [3] = (TrialStatus.StoppedEarly, 3),
        [4] = (TrialStatus.StoppedEarly, 1),
        [5] = (TrialStatus.StoppedEarly, 1),
        [6] = (TrialStatus.StoppedEarly, 3),
        [7] = (TrialStatus.StoppedEarly, 1),
        [8] = (TrialStatus.StoppedEarly, 1),
    };

    private static ScheduledTrialSource Source() =>
        new(Trials, Epochs, () => new AshaSpec(GraceEpochs: 1, ReductionFactor: 3).Create(Epochs, MetricGoal.Minimize));

    private static CurveTrainer Trainer() => new((trial, epoch) => (10.0 - trial.Index) / epoch);

    [Fact]
    public void Asha_stops_the_hand_computed_trials_at_the_hand_computed_rungs()
    {
        // given the 9-trial sweep with ASHA and one worker
        using var sweep = new JournaledSweep(this, "asha-serial");
        var (coordinator, results) = sweep.Start(Source(), Trainer());

        // when it runs to the end
        coordinator.Tell(AwaitCompletion.Instance);
        var summary = ExpectMsg<SweepCompleted>(Patience).Summary;
        AwaitAssert(() => Assert.Equal(Trials, sweep.RecordedCount(results)), Patience);

        // then every trial ended as computed by hand, with the scheduler's reason, and the summary counts the stopped ones
        var ended = sweep.ResultsFile().ToDictionary(e => e.Index, e => (e.Result.Status, e.Result.Metrics!.EpochsRun));
        Assert.Equal(HandComputed.OrderBy(p => p.Key), ended.OrderBy(p => p.Key));
        Assert.All(sweep.ResultsFile().Where(e => e.Result.Status == TrialStatus.StoppedEarly),
            e => Assert.StartsWith("asha: rung", e.Result.Reason));
        Assert.Equal((9L, 8L), (summary.Done, summary.StoppedEarly));
    }

    [Fact]
    public void A_resumed_coordinator_replays_the_rungs_and_decides_as_before()
    {
        // given the same sweep stopped after trials 0-4 settled (trial 5 was waiting to start)
        using var sweep = new JournaledSweep(this, "asha-resume");
        var first = Trainer();
        var blocking = new CurveTrainer(first.Curve) { Blocks = t => t.Index >= 5 };
        var (coordinator, results) = sweep.Start(Source(), blocking);
        AwaitAssert(() => Assert.Equal(5, sweep.RecordedCount(results)), Patience);
        sweep.StopAll();

        // when a new coordinator resumes from the journal and results.jsonl
        var (resumed, resumedResults) = sweep.Start(Source(), Trainer());
        resumed.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        AwaitAssert(() => Assert.Equal(Trials, sweep.RecordedCount(resumedResults)), Patience);

        // then trials 5-8 were decided on the rungs the first coordinator filled: the same outcome as one run
        var ended = sweep.ResultsFile().ToDictionary(e => e.Index, e => (e.Result.Status, e.Result.Metrics!.EpochsRun));
        Assert.Equal(HandComputed.OrderBy(p => p.Key), ended.OrderBy(p => p.Key));
    }
}
