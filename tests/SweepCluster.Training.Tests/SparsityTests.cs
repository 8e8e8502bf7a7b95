using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

public class SparsityTests : IDisposable
{
    private static readonly SyntheticDataSpec FourOfTwelveInformative = new(Samples: 4000, Features: 12, Informative: 4, Classes: 3, Seed: 7);

    private readonly TorchTrialTrainer trainer = new();

    [Fact]
    public void Proximal_mode_produces_exact_zeros()
    {
        var result = trainer.Train(TrialSpecs.Small(lambda: 5e-3, training: Proximal(epochs: 8)), null, CancellationToken.None);

        Assert.True(result.Metrics!.ExactZeroFraction > 0.2, $"exact zeros {result.Metrics.ExactZeroFraction}");
    }

    [Fact]
    public void Penalty_mode_with_zero_lambda_produces_no_exact_zeros()
    {
        var result = trainer.Train(TrialSpecs.Small(lambda: 0), null, CancellationToken.None);

        Assert.Equal(0, result.Metrics!.ExactZeroFraction);
    }

    [Fact]
    public void Well_chosen_lambda_switches_noise_inputs_off_and_keeps_accuracy()
    {
        // given synthetic data where 4 of 12 features carry the signal
        var baseline = Train(lambda: 0);

        // when trained with proximal L1 at a well-chosen strength
        var sparse = Train(lambda: 1.4e-2);

        // then only the informative inputs stay active and accuracy is within a few points
        Assert.Equal(12, baseline.ActiveInputs);
        Assert.Equal(4, sparse.ActiveInputs);
        Assert.True(sparse.ValAccuracy > baseline.ValAccuracy - 0.03, $"accuracy {sparse.ValAccuracy} vs {baseline.ValAccuracy}");
    }

    [Theory]
    [InlineData(L1Mode.Penalty)]
    [InlineData(L1Mode.Proximal)]
    public void Sparsity_grows_with_lambda(L1Mode mode)
    {
        var lambdas = new[] { 0.0, 1e-3, 4e-3, 1e-2 };

        var sparsities = lambdas
            .Select(lambda => trainer.Train(TrialSpecs.Small(lambda: lambda, training: new TrainingSettings(Epochs: 10, BatchSize: 64, LearningRate: 1e-2, L1Mode: mode, Threads: 1)), null, CancellationToken.None))
            .Select(r => r.Metrics!.Sparsity)
            .ToList();

        Assert.True(sparsities.Zip(sparsities.Skip(1)).All(pair => pair.Second > pair.First), string.Join(" < ", sparsities));
    }

    private Core.Results.TrialMetrics Train(double lambda) =>
        trainer.Train(TrialSpecs.Small(lambda: lambda, widths: [16], data: FourOfTwelveInformative, training: Proximal(epochs: 60, batchSize: 256)), null, CancellationToken.None).Metrics!;

    private static TrainingSettings Proximal(int epochs, int batchSize = 64) =>
        new(Epochs: epochs, BatchSize: batchSize, LearningRate: 1e-2, L1Mode: L1Mode.Proximal, Threads: 1);

    public void Dispose() => trainer.Dispose();
}
