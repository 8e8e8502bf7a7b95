using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Tests.Support;
using SweepCluster.Training.Trainer;
using TorchSharp;
using Xunit.Abstractions;

namespace SweepCluster.Training.Tests;

public sealed class RegressionTrainingTests(ITestOutputHelper output) : IDisposable
{
    private static readonly SyntheticDataSpec Friedman = new(Samples: 1000, Features: 8, Informative: 5, Classes: 0, Seed: 3, Noise: 0.5)
    {
        Task = SweepTask.Regression,
    };

    private readonly TorchTrialTrainer trainer = new();
    private readonly DatasetCache datasets = new();

    [Fact]
    public void Mse_and_huber_per_row_match_a_hand_computation()
    {
        // given standardised predictions 0.5, 2, -3 for targets 0, 0, 0.5: differences 0.5, 2, -3.5
        TorchRuntime.EnsureLoaded();
        using var data = RegressionData(mean: 10, std: 2);
        using var outputs = torch.tensor(new[] { 0.5f, 2f, -3f }, [3, 1]);
        using var labels = torch.tensor(new[] { 0f, 0f, 0.5f });

        // when each loss is taken per row
        using var mse = new TrialLoss(data, new TrainingSettings(Loss: LossKind.Mse));
        using var huber = new TrialLoss(data, new TrainingSettings(Loss: LossKind.Huber, HuberDelta: 1.0));
        using var mseRows = mse.PerRow(outputs, labels);
        using var huberRows = huber.PerRow(outputs, labels);
        using var mseMean = mse.Mean(outputs, labels);

        // then MSE is d² and Huber ½d² within delta, delta·(|d| − ½delta) beyond; train_loss scales by σ² = 4
        Assert.Equal([0.25, 4, 12.25], mseRows.data<float>().ToArray().Select(v => (double)v), new WithinTolerance(1e-6));
        Assert.Equal([0.125, 1.5, 3.0], huberRows.data<float>().ToArray().Select(v => (double)v), new WithinTolerance(1e-6));
        Assert.Equal((0.25 + 4 + 12.25) / 3, mseMean.item<float>(), 5);
        Assert.Equal(4, mse.TrainLossScale);
    }

    [Fact]
    public void The_split_standardises_the_target_with_the_training_rows_and_restores_it_exactly()
    {
        // given Friedman data and its split
        TorchRuntime.EnsureLoaded();
        var table = DatasetCache.Generate(Friedman);
        var data = datasets.Get(Friedman, torch.CPU);
        var validationRows = DatasetSplitter.ValidationRows(table.Rows, Friedman.ValidationFraction, Friedman.Seed);
        var trainingRows = Enumerable.Range(0, table.Rows).Except(validationRows).ToList();

        // then the scaling is the training rows' own, and restoring the validation labels gives their targets back
        var expected = TargetScaling.Of([.. trainingRows.Select(r => table.Targets![r])]);
        Assert.Equal(expected.Mean, data.Target!.Mean, 9);
        Assert.Equal(expected.Std, data.Target.Std, 9);
        var restored = data.ValidationLabels.data<float>().ToArray().Select(z => data.Target!.Restore(z));
        Assert.Equal(validationRows.Select(r => table.Targets![r]), restored, new WithinTolerance(1e-4));
        Assert.Equal(1, data.Classes);
        Assert.Empty(data.ClassNames);
    }

    [Fact]
    public void A_trained_regressor_reports_consistent_scores_in_the_targets_units()
    {
        // when a small network trains on Friedman data
        var result = trainer.Train(Trial(lambda: 0), null, CancellationToken.None);
        var metrics = result.Metrics!;
        var data = datasets.Get(Friedman, torch.CPU);

        // then val_loss is the MSE in the target's units: val_rmse², and R² = 1 − MSE·n / SST; there is no accuracy
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Null(metrics.ValAccuracy);
        Assert.Equal(metrics.ValLoss, metrics.ValRmse!.Value * metrics.ValRmse.Value, 9);
        Assert.Equal(1 - metrics.ValLoss * data.ValidationRows / data.ValidationTotalSquares, metrics.ValR2!.Value, 9);
        Assert.True(metrics.ValMae <= metrics.ValRmse, $"MAE {metrics.ValMae} above RMSE {metrics.ValRmse}");
        Assert.True(metrics.ValR2 > 0.7, $"val_r2 {metrics.ValR2}");
        Assert.All(result.History, h => Assert.NotNull(h.ValR2));
        Assert.Equal(metrics.ValR2, result.History.Single(h => h.Epoch == metrics.BestEpoch).ValR2);
    }

    public static TheoryData<LossKind, L1Mode> PackCases => new()
    {
        { LossKind.Mse, L1Mode.Group },
        { LossKind.Huber, L1Mode.Proximal },
        { LossKind.Mse, L1Mode.Penalty },
    };

    [Theory]
    [MemberData(nameof(PackCases))]
    public void A_regression_pack_gives_each_trial_the_metrics_it_gets_alone(LossKind loss, L1Mode mode)
    {
        // given three regression trials with their own lambda and seed, with a refit
        var training = Training() with { Loss = loss, HuberDelta = 0.7, L1Mode = mode, RefitEpochs = 3 };
        var trials = new[] { 0.0, 0.02, 0.08 }.Select((lambda, k) => Trial(lambda, training, seed: 11 + k)).ToList();

        // when they train as one pack and one by one
        var data = datasets.Get(Friedman, torch.CPU);
        IReadOnlyList<TrialResult> packed;
        using (var run = new PackedTrialRun(trials, data, 1, torch.CPU))
        {
            packed = run.Execute(null, CancellationToken.None);
        }
        var alone = trials.Select(t => trainer.Train(t, null, CancellationToken.None)).ToList();

        // then each packed trial's history and metrics are its lone run's
        for (var k = 0; k < trials.Count; k++)
        {
            var (a, p) = (alone[k].Metrics!, packed[k].Metrics!);
            Assert.Equal(alone[k].History.Count, packed[k].History.Count);
            Assert.Equal(alone[k].History.Select(h => h.ValLoss), packed[k].History.Select(h => h.ValLoss), new WithinTolerance(1e-3 * Math.Max(1, a.ValLoss)));
            Assert.Equal(alone[k].History.Select(h => h.TrainLoss), packed[k].History.Select(h => h.TrainLoss), new WithinTolerance(1e-3 * Math.Max(1, a.TrainLoss)));
            Assert.Equal(a.ValR2!.Value, p.ValR2!.Value, 3);
            Assert.Equal(a.ValMae!.Value, p.ValMae!.Value, 2);
            Assert.Equal(a.BestEpoch, p.BestEpoch);
            Assert.Equal(a.ActiveInputNames, p.ActiveInputNames);
            Assert.Equal(alone[k].History.Select(h => h.Refit), packed[k].History.Select(h => h.Refit));
        }
    }

    [Fact]
    public void Group_l1_with_a_refit_selects_the_informative_inputs_of_the_example_and_beats_ridge()
    {
        // given the regression example and its trial at lambda 0.4 (group L1 on the inputs, then a refit)
        var sweep = SweepFile.Load(Path.Combine(RepositoryRoot.Path, "sweeps", "regression.yaml"));
        var trial = sweep.ExpandTrials().Single(t => t.Lambda == 0.4);

        // when it trains, and ridge regression is fitted in closed form on the same split (its best alpha, chosen on validation)
        var result = trainer.Train(trial, null, CancellationToken.None);
        var spec = (SyntheticDataSpec)sweep.Data;
        var table = DatasetCache.Generate(spec);
        var validation = DatasetSplitter.ValidationRows(table.Rows, spec.ValidationFraction, spec.Seed);
        var training = Enumerable.Range(0, table.Rows).Except(validation).ToList();
        var ridge = new[] { 1e-3, 1e-1, 1, 10, 100, 1000 }.Max(alpha => RidgeR2(table, training, validation, alpha));
        var targets = table.Targets!;
        var variance = targets.Average(y => y * y) - Math.Pow(targets.Average(), 2);
        var noiseBound = 1 - spec.Noise * spec.Noise / variance;
        output.WriteLine($"lambda 0.4: val_r2 {result.Metrics!.ValR2:F4}, inputs {string.Join(",", result.Metrics.ActiveInputNames!)}; "
            + $"ridge val_r2 {ridge:F4}; Var(y) {variance:F3}, noise bound {noiseBound:F4}");

        // then the network keeps exactly x0..x4 and beats ridge on val_r2, a few points under the noise bound
        Assert.Equal(["x0", "x1", "x2", "x3", "x4"], result.Metrics.ActiveInputNames!);
        Assert.True(result.Metrics.ValR2 > ridge + 0.1, $"val_r2 {result.Metrics.ValR2} vs ridge {ridge}");
        Assert.True(result.Metrics.ValR2 > noiseBound - 0.03, $"val_r2 {result.Metrics.ValR2} vs noise bound {noiseBound}");
    }

    private static double RidgeR2(TabularData table, IReadOnlyList<int> training, IReadOnlyList<int> validation, double alpha)
    {
        var model = new RidgeRegression(table.Features, table.FeatureCount, table.Targets!, training, alpha);
        var mean = validation.Average(r => table.Targets![r]);
        var squared = validation.Sum(r => Math.Pow(model.Predict(table.Features, table.FeatureCount, r) - table.Targets![r], 2));
        var absolute = validation.Sum(r => Math.Abs(model.Predict(table.Features, table.FeatureCount, r) - table.Targets![r]));
        var total = validation.Sum(r => Math.Pow(table.Targets![r] - mean, 2));
        return RegressionScores.FromSums(squared, absolute, total, validation.Count).R2;
    }

    private static TrainingSettings Training() =>
        new(Epochs: 10, BatchSize: 50, LearningRate: 5e-3, Patience: 4, Threads: 1, L1Mode: L1Mode.Group);

    private static TrialSpec Trial(double lambda, TrainingSettings? training = null, long seed = 5) =>
        new($"friedman-{seed}", "friedman", 0, seed, Friedman, 1, lambda, 0, [32, 16], training ?? Training(), []);

    /// <summary>A three-row regression dataset with the given target scaling (the loss only reads the scaling).</summary>
    private static TensorDataset RegressionData(double mean, double std) =>
        new(torch.zeros(3, 2), torch.zeros(3), torch.zeros(3, 2), torch.zeros(3), 1, target: new TargetScaling(mean, std));

    public void Dispose()
    {
        trainer.Dispose();
        datasets.Dispose();
    }
}
