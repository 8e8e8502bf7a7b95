using SweepCluster.Core.Results;
using SweepCluster.Training.Metrics;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Tests;

/// <summary>The rules single and packed runs share: metrics from measured values, the divergence reason, the optimized parameters.</summary>
public class SharedRunRulesTests
{
    [Fact]
    public void Metrics_come_from_the_best_epoch_the_sparsity_report_and_the_counts()
    {
        var best = new EpochRecord(Epoch: 3, TrainLoss: 0.5, ValLoss: 0.25, ValAccuracy: 0.75, ValRmse: 1.5, ValMae: 1.25, ValR2: 0.625);
        var sparsity = new SparsityReport(0.4, 0.1, [0.5, 0.2], 2, 7.5, ["a", "c"], [3]);

        var metrics = TrialMetricsBuilder.From(best, sparsity, parameters: 42, epochsRun: 4, seconds: 2.0, trainRows: 100);

        Assert.Equal((0.25, 0.75, 0.5, 3), (metrics.ValLoss, metrics.ValAccuracy!.Value, metrics.TrainLoss, metrics.BestEpoch));
        Assert.Equal((1.5, 1.25, 0.625), (metrics.ValRmse!.Value, metrics.ValMae!.Value, metrics.ValR2!.Value));
        Assert.Equal((7.5, 0.4, 0.1, 2), (metrics.L1Norm, metrics.Sparsity, metrics.ExactZeroFraction, metrics.ActiveInputs));
        Assert.Equal([0.5, 0.2], metrics.LayerSparsity);
        Assert.Equal(["a", "c"], metrics.ActiveInputNames!);
        Assert.Equal([3], metrics.ActiveNeurons!);
        Assert.Equal((42L, 4, 2.0), (metrics.Parameters, metrics.EpochsRun, metrics.Seconds));
        // 100 rows × 4 epochs in 2 s
        Assert.Equal(200.0, metrics.SamplesPerSecond);
    }

    [Fact]
    public void Samples_per_second_stays_finite_when_no_time_was_measured()
    {
        var metrics = TrialMetricsBuilder.From(new EpochRecord(1, 0.5, 0.5, null), new SparsityReport(0, 0, [], 0, 0, [], []), 1, 1, 0.0, 10);

        Assert.Equal(1e10, metrics.SamplesPerSecond);
    }

    [Fact]
    public void Finite_losses_do_not_diverge()
    {
        Assert.Null(Divergence.Reason(0.5, 0.7, 2, 0.1));
    }

    [Fact]
    public void Divergence_names_the_training_loss_when_it_is_not_finite()
    {
        Assert.Equal("loss became NaN in epoch 4 (learning_rate=0.5)", Divergence.Reason(double.NaN, double.PositiveInfinity, 4, 0.5));
    }

    [Fact]
    public void Divergence_names_the_validation_loss_when_only_it_is_not_finite()
    {
        // Infinity is written as the current culture writes it ("∞" or "Infinity").
        Assert.Equal($"loss became {double.PositiveInfinity} in epoch 2 (learning_rate=10)", Divergence.Reason(0.5, double.PositiveInfinity, 2, 10));
    }

    [Fact]
    public void Weights_are_penalized_and_biases_only_when_asked()
    {
        using var weight = torch.zeros(2, 2);
        using var bias = torch.zeros(2);

        var without = OptimizedParameters.Of([(weight, bias)], includeBiases: false);
        var with = OptimizedParameters.Of([(weight, bias)], includeBiases: true);

        Assert.Equal([true, false], without.Select(p => p.Penalized));
        Assert.Equal([true, true], with.Select(p => p.Penalized));
        Assert.Same(weight, without[0].Value);
        Assert.Same(bias, without[1].Value);
    }
}
