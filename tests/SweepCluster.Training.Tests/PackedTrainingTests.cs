using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public class PackedTrainingTests : IDisposable
{
    /// <summary>Weight entries of the 12→32→16→3 test network: sparsity counts are compared in entries.</summary>
    private const int WeightEntries = 12 * 32 + 32 * 16 + 16 * 3;

    private readonly TorchTrialTrainer trainer = new();
    private readonly DatasetCache datasets = new();

    public PackedTrainingTests()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
    }

    public static TheoryData<OptimizerKind, L1Mode> OptimizersAndModes => new()
    {
        { OptimizerKind.Adam, L1Mode.Penalty },
        { OptimizerKind.Adam, L1Mode.Proximal },
        { OptimizerKind.Sgd, L1Mode.Penalty },
        { OptimizerKind.Sgd, L1Mode.Proximal },
        { OptimizerKind.Adam, L1Mode.Group },
        { OptimizerKind.Sgd, L1Mode.Group },
    };

    [Theory]
    [MemberData(nameof(OptimizersAndModes))]
    public void A_pack_gives_each_trial_the_metrics_it_gets_alone(OptimizerKind optimizer, L1Mode mode)
    {
        // given four trials with their own lambda, learning rate, patience and seed
        var trials = FourTrials(optimizer, mode);

        // when they train as one pack and one by one
        var packed = RunPack(trials);
        var alone = trials.Select(t => trainer.Train(t, null, CancellationToken.None)).ToList();

        // then each trial's result matches its lone run
        for (var k = 0; k < trials.Count; k++)
        {
            AssertSameResult(alone[k], packed[k]);
        }
        Assert.Contains(alone, r => r.Metrics!.EpochsRun < trials[0].Training.Epochs);
        if (mode == L1Mode.Proximal)
        {
            Assert.Contains(alone, r => r.Metrics!.ExactZeroFraction > 0.05);
        }
    }

    public static TheoryData<OptimizerKind, L1Mode, L1Groups> RefitCases => new()
    {
        { OptimizerKind.Adam, L1Mode.Group, L1Groups.Inputs },
        { OptimizerKind.Adam, L1Mode.Group, L1Groups.Neurons },
        { OptimizerKind.Sgd, L1Mode.Group, L1Groups.Both },
        { OptimizerKind.Adam, L1Mode.Penalty, L1Groups.Inputs },
        { OptimizerKind.Sgd, L1Mode.Proximal, L1Groups.Inputs },
    };

    [Theory]
    [MemberData(nameof(RefitCases))]
    public void A_pack_with_a_refit_gives_each_trial_the_metrics_it_gets_alone(OptimizerKind optimizer, L1Mode mode, L1Groups groups)
    {
        // given four trials with their own lambda, learning rate, patience and seed, and a 3-epoch refit after 12 epochs
        // (patience ends some trials' regularized epochs early, so they refit while the others still shrink)
        var trials = FourTrials(optimizer, mode)
            .Select(t => t with { Training = t.Training with { L1Groups = groups, RefitEpochs = 3 } })
            .ToList();

        // when they train as one pack and one by one
        var packed = RunPack(trials);
        var alone = trials.Select(t => trainer.Train(t, null, CancellationToken.None)).ToList();

        // then each trial's result matches its lone run, refit epochs and per-trial group norms included
        for (var k = 0; k < trials.Count; k++)
        {
            AssertSameResult(alone[k], packed[k]);
        }
        Assert.Equal(trials.Select(t => t.Lambda > 0), alone.Select(r => r.History[^1].Refit));
        Assert.Contains(alone, r => r.History.Count(h => !h.Refit) < 12);
        if (mode == L1Mode.Group)
        {
            Assert.Contains(alone, r => r.Metrics!.ExactZeroFraction > 0.05);
        }
    }

    [Fact]
    public void Dropout_masks_come_from_each_trials_own_generator()
    {
        // given a trial with dropout, and two different sets of companions (with and without dropout)
        var subject = TrialSpecs.Small(lambda: 1e-4, dropout: 0.3, seed: 5) with { Id = "subject" };
        var companionsA = new[] { Trial(seed: 11, lambda: 1e-3, dropout: 0.1), Trial(seed: 12, lambda: 0, dropout: 0) };
        var companionsB = new[] { Trial(seed: 21, lambda: 1e-5, dropout: 0.5) };

        // when it trains alone and in each pack (at a different position)
        var alone = trainer.Train(subject, null, CancellationToken.None);
        var inPackA = RunPack([subject, .. companionsA])[0];
        var inPackB = RunPack([.. companionsB, subject])[1];

        // then its learning curve is the same everywhere
        AssertSameResult(alone, inPackA);
        AssertSameResult(alone, inPackB);
        Assert.Equal(inPackA.History.Select(h => h.ValLoss), inPackB.History.Select(h => h.ValLoss), new WithinTolerance(1e-5));
    }

    [Fact]
    public void A_diverging_trial_ends_alone_and_the_others_finish_unchanged()
    {
        // given an SGD pack where one trial's learning rate is huge
        var sgd = new TrainingSettings(Epochs: 5, BatchSize: 64, LearningRate: 0.05, Optimizer: OptimizerKind.Sgd, Threads: 1);
        var trials = new[]
        {
            Trial(seed: 1, lambda: 1e-4, training: sgd),
            Trial(seed: 2, lambda: 1e-4, training: sgd with { LearningRate = 1e12 }),
            Trial(seed: 3, lambda: 1e-3, training: sgd with { LearningRate = 0.1 }),
        };

        // when the pack trains
        var packed = RunPack(trials);

        // then the huge one diverged with TrialRun's reason, and the others match their lone runs
        var divergedAlone = trainer.Train(trials[1], null, CancellationToken.None);
        Assert.Equal(TrialStatus.Diverged, packed[1].Status);
        Assert.Equal(divergedAlone.Reason, packed[1].Reason);
        Assert.Contains("learning_rate", packed[1].Reason);
        AssertSameResult(trainer.Train(trials[0], null, CancellationToken.None), packed[0]);
        AssertSameResult(trainer.Train(trials[2], null, CancellationToken.None), packed[2]);
    }

    [Fact]
    public void Cancellation_interrupts_every_running_trial()
    {
        // given a pack of three trials and a token cancelled once epoch 2 is reported
        using var cancellation = new CancellationTokenSource();
        var trials = new[] { Trial(seed: 1), Trial(seed: 2, lambda: 1e-3), Trial(seed: 3, dropout: 0.2) };

        // when the pack trains
        var results = RunPack(trials, (_, epoch) => { if (epoch.Epoch == 2) cancellation.Cancel(); }, cancellation.Token);

        // then every trial is interrupted after two epochs, with TrialRun's reason
        Assert.All(results, r =>
        {
            Assert.Equal(TrialStatus.Interrupted, r.Status);
            Assert.Equal("stopped during epoch 3", r.Reason);
            Assert.Equal(2, r.History.Count);
            Assert.Equal(2, r.Metrics!.EpochsRun);
        });
    }

    [Fact]
    public void A_trial_the_scheduler_stops_ends_alone_and_the_rest_of_its_pack_goes_on_unchanged()
    {
        // given a pack of three and a gate that stops the middle trial after epoch 2 (asked once per trial and epoch)
        var trials = new[] { Trial(seed: 1) with { Id = "a" }, Trial(seed: 2, lambda: 1e-3) with { Id = "b" }, Trial(seed: 3, dropout: 0.2) with { Id = "c" } };
        var asked = new List<(int Position, int Epoch)>();
        var events = new List<(string Kind, int Epoch)>();

        // when the pack trains with the gate, and each trial alone with a gate that stops only the middle one
        var data = datasets.Get(trials[0].Data, torch.CPU);
        IReadOnlyList<TrialResult> results;
        using (var run = new PackedTrialRun(trials, data, trials[0].Outputs, torch.CPU))
        {
            results = run.Execute((_, record) => events.Add(("report", record.Epoch)), CancellationToken.None, (position, epoch) =>
            {
                asked.Add((position, epoch));
                events.Add(("ask", epoch));
                return !(position == 1 && epoch == 2);
            });
        }
        var stoppedAlone = trainer.Train(trials[1], null, CancellationToken.None, (_, epoch) => epoch != 2);

        // then the middle trial is stopped_early after 2 epochs, with the metrics its lone run has at that point;
        // the others completed every epoch exactly as alone; the stopped trial was not asked again
        Assert.Equal(TrialStatus.StoppedEarly, results[1].Status);
        Assert.Equal(2, results[1].Metrics!.EpochsRun);
        AssertSameResult(stoppedAlone, results[1]);
        AssertSameResult(trainer.Train(trials[0], null, CancellationToken.None), results[0]);
        AssertSameResult(trainer.Train(trials[2], null, CancellationToken.None), results[2]);
        Assert.DoesNotContain(asked, a => a.Position == 1 && a.Epoch > 2);
        Assert.DoesNotContain(asked, a => a.Epoch == trials[0].Training.Epochs);

        // and in each epoch every trial was reported before the gate was asked about any (one round of verdicts)
        foreach (var epoch in asked.Select(a => a.Epoch).Distinct())
        {
            var ofEpoch = events.Where(e => e.Epoch == epoch).Select(e => e.Kind).ToList();
            Assert.Equal(ofEpoch.OrderByDescending(kind => kind == "report").ToList(), ofEpoch);
        }
    }

    [Fact]
    public void Results_have_the_single_runs_form_and_every_epoch_is_reported_by_index()
    {
        // given a pack of two trials
        var trials = new[] { Trial(seed: 1) with { Id = "first" }, Trial(seed: 2) with { Id = "second" } };
        var reported = new List<(int Index, EpochRecord Record)>();

        // when it trains
        var results = RunPack(trials, (k, r) => reported.Add((k, r)));

        // then each result carries its own id, history and metrics, and each epoch was reported under its trial's index
        Assert.Equal(["first", "second"], results.Select(r => r.TrialId));
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(TrialStatus.Completed, results[k].Status);
            Assert.Null(results[k].Reason);
            Assert.Equal(reported.Where(r => r.Index == k).Select(r => r.Record), results[k].History);
            Assert.Equal(8, results[k].Metrics!.EpochsRun);
            Assert.Equal(WeightEntries + 32 + 16 + 3, results[k].Metrics!.Parameters);
            Assert.Equal(3, results[k].Metrics!.LayerSparsity.Count);
        }
    }

    [Fact]
    public void Incompatible_trials_are_refused_with_the_differing_fields()
    {
        // given two trials of different widths
        var trials = new[] { Trial(seed: 1) with { Id = "a" }, TrialSpecs.Small(widths: [32], seed: 2) with { Id = "b" } };
        var data = datasets.Get(TrialSpecs.SmallData, torch.CPU);

        // when they are packed
        var error = Assert.Throws<ArgumentException>(() => new PackedTrialRun(trials, data, 3, torch.CPU));

        // then the message names both trials and the field
        Assert.Contains("a and b", error.Message);
        Assert.Contains("widths", error.Message);
    }

    private static IReadOnlyList<TrialSpec> FourTrials(OptimizerKind optimizer, L1Mode mode)
    {
        var adam = optimizer == OptimizerKind.Adam;
        var training = new TrainingSettings(Epochs: 12, BatchSize: 64, LearningRate: adam ? 1e-2 : 0.1, Optimizer: optimizer, L1Mode: mode, Patience: 2, Threads: 1);
        double[] lambdas = mode switch
        {
            L1Mode.Proximal => [1e-2, 3e-3, 0, 3e-2],
            L1Mode.Group => adam ? [0.5, 0.2, 0, 1.0] : [2e-2, 1e-2, 0, 5e-2],
            _ => [1e-4, 1e-3, 0, 3e-3],
        };
        double[] rates = adam ? [1e-2, 3e-2, 3e-3, 2e-2] : [0.1, 0.3, 0.05, 0.2];
        int[] patience = [2, 1, 0, 3];
        return Enumerable.Range(0, 4)
            .Select(k => Trial(seed: 100 + k, lambda: lambdas[k], training: training with { LearningRate = rates[k], Patience = patience[k] }) with { Id = $"t{k}" })
            .ToList();
    }

    private static TrialSpec Trial(long seed, double lambda = 0, double dropout = 0, TrainingSettings? training = null) =>
        TrialSpecs.Small(lambda: lambda, dropout: dropout, training: training, seed: seed);

    private IReadOnlyList<TrialResult> RunPack(IReadOnlyList<TrialSpec> trials, Action<int, EpochRecord>? onEpoch = null, CancellationToken cancellation = default)
    {
        var data = datasets.Get(trials[0].Data, torch.CPU);
        using var run = new PackedTrialRun(trials, data, trials[0].Outputs, torch.CPU);
        return run.Execute(onEpoch, cancellation);
    }

    private static void AssertSameResult(TrialResult alone, TrialResult packed)
    {
        Assert.Equal(alone.TrialId, packed.TrialId);
        Assert.Equal(alone.Status, packed.Status);
        Assert.Equal(alone.Reason, packed.Reason);
        Assert.Equal(alone.History.Count, packed.History.Count);
        var (a, p) = (alone.Metrics!, packed.Metrics!);
        Assert.True(Math.Abs(a.ValLoss - p.ValLoss) < 2e-3, $"{alone.TrialId}: val_loss {a.ValLoss} alone, {p.ValLoss} packed");
        Assert.Equal(a.EpochsRun, p.EpochsRun);
        Assert.Equal(a.BestEpoch, p.BestEpoch);
        Assert.Equal(a.Parameters, p.Parameters);
        Assert.Equal(a.ActiveInputs, p.ActiveInputs);
        Assert.Equal(a.ActiveInputNames, p.ActiveInputNames);
        Assert.Equal(a.ActiveNeurons, p.ActiveNeurons);
        Assert.Equal(alone.History.Select(h => h.Refit), packed.History.Select(h => h.Refit));
        Assert.True(Math.Abs(a.Sparsity - p.Sparsity) * WeightEntries <= 3, $"{alone.TrialId}: sparsity {a.Sparsity} alone, {p.Sparsity} packed");
        Assert.True(Math.Abs(a.ExactZeroFraction - p.ExactZeroFraction) * WeightEntries <= 3, $"{alone.TrialId}: exact zeros {a.ExactZeroFraction} alone, {p.ExactZeroFraction} packed");
        Assert.True(Math.Abs(a.L1Norm - p.L1Norm) <= 1e-3 * Math.Max(1, a.L1Norm), $"{alone.TrialId}: L1 {a.L1Norm} alone, {p.L1Norm} packed");
    }

    public void Dispose()
    {
        trainer.Dispose();
        datasets.Dispose();
    }
}
