using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>The coordinator with TPE: points journaled before they are handed out, results fed back, resume.</summary>
public sealed class AdaptiveSearchTests : TestKit
{
    private const int Trials = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Yaml = """
        name: test
        method: tpe
        trials: 12
        seed: 3
        data: { synthetic: { samples: 300, features: 6, informative: 3, classes: 2, seed: 7 } }
        model: { widths: [8] }
        training: { epochs: 2, batch_size: 32, learning_rate: 1.0e-2, threads: 1 }
        parameters:
          lambda: { log_uniform: [1.0e-6, 1.0e-1] }
          dropout: { uniform: [0.0, 0.5] }
        tpe: { startup_trials: 3 }
        """;

    private static SweepTrialSource Source() => new(SweepFile.Parse(Yaml, "tpe.yaml", Path.GetTempPath()));

    /// <summary>Best near lambda = 1e-3 (log distance) and dropout 0.1.</summary>
    private static double Loss(TrialSpec trial, int epoch) =>
        Math.Abs(Math.Log10(trial.Lambda) + 3) + Math.Abs(trial.Dropout - 0.1) + 1.0 / epoch;

    [Fact]
    public void Tpe_trials_after_the_startup_follow_the_results()
    {
        // given a tpe sweep whose loss is known, run by one worker
        using var sweep = new JournaledSweep(this, "tpe-run");
        var trainer = new CurveTrainer(Loss);
        var (coordinator, results) = sweep.Start(Source(), trainer);

        // when it runs to the end
        coordinator.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        AwaitAssert(() => Assert.Equal(Trials, sweep.RecordedCount(results)), Patience);

        // then the start-up trials are random search's, and the later ones differ from random search's at the same index
        var random = new SweepTrialSource(SweepFile.Parse(Yaml.Replace("method: tpe", "method: random").Replace("tpe: { startup_trials: 3 }", ""), "r.yaml", Path.GetTempPath()));
        var seen = trainer.Seen.Values.ToDictionary(t => t.Index);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(random.TrialAt(i).Lambda, seen[i].Lambda));
        Assert.All(Enumerable.Range(3, Trials - 3), i => Assert.NotEqual(random.TrialAt(i).Lambda, seen[i].Lambda));
        Assert.Equal(Trials, seen.Values.Select(t => t.Lambda).Distinct().Count());
    }

    [Fact]
    public void A_resumed_coordinator_keeps_finished_trials_and_the_journaled_point_of_a_running_one()
    {
        // given a tpe sweep on two workers stopped while trial 6 was still running (its point journaled when it was handed
        // out, with fewer results known than now) and every other trial settled
        using var sweep = new JournaledSweep(this, "tpe-resume");
        var first = new CurveTrainer(Loss) { Blocks = t => t.Index == 6 };
        var (_, results) = sweep.Start(Source(), first, workers: 2);
        AwaitAssert(() => Assert.Equal(Trials - 1, sweep.RecordedCount(results)), Patience);
        AwaitCondition(() => first.Seen.ContainsKey("test-6"), Patience);
        var handedOut = first.Seen["test-6"];
        sweep.StopAll();

        // when a new coordinator resumes from the journal and results.jsonl
        var second = new CurveTrainer(Loss);
        var (resumed, resumedResults) = sweep.Start(Source(), second);
        resumed.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        AwaitAssert(() => Assert.Equal(Trials, sweep.RecordedCount(resumedResults)), Patience);

        // then no finished trial ran again, trial 6 ran with the point it was first given, and each trial is recorded once
        Assert.Equal(["test-6"], second.Seen.Keys);
        Assert.Equal((handedOut.Lambda, handedOut.Dropout), (second.Seen["test-6"].Lambda, second.Seen["test-6"].Dropout));
        var recorded = sweep.ResultsFile();
        Assert.Equal(Enumerable.Range(0, Trials).Select(i => (long)i), recorded.Select(e => e.Index).Order());
        Assert.Equal(handedOut.SweptValues, recorded.Single(e => e.Index == 6).SweptValues);
        Assert.All(recorded, e => Assert.Equal(TrialStatus.Completed, e.Result.Status));
    }
}
