using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

public class InputSelectionTests : IDisposable
{
    private readonly TorchTrialTrainer trainer = new();

    [Fact]
    public void A_lambda_path_of_group_lasso_goes_from_every_input_to_none_through_exactly_the_informative_ones()
    {
        // given synthetic data where 3 of 20 inputs carry the signal (x0, x1, x2), and group L1 on the inputs with a refit
        var data = new SyntheticDataSpec(Samples: 2000, Features: 20, Informative: 3, Classes: 3, Seed: 11);
        var training = new TrainingSettings(Epochs: 15, BatchSize: 64, LearningRate: 1e-2, L1Mode: L1Mode.Group, RefitEpochs: 5, Threads: 1);
        double[] lambdas = [0, 0.2, 0.4, 0.6, 0.8, 1.0, 2.0];

        // when each lambda of the path trains
        var results = lambdas
            .Select(lambda => trainer.Train(TrialSpecs.Small(lambda: lambda, widths: [16], training: training, data: data), null, CancellationToken.None))
            .ToList();

        // then lambda 0 keeps every input, the largest none, the count never rises along the path, and some trial keeps
        // exactly the informative inputs (by name)
        Assert.All(results, r => Assert.Equal(TrialStatus.Completed, r.Status));
        var kept = results.Select(r => r.Metrics!.ActiveInputs).ToList();
        Assert.Equal(20, kept[0]);
        Assert.Equal(0, kept[^1]);
        Assert.True(kept.Zip(kept.Skip(1)).All(p => p.Second <= p.First), $"active inputs along the path: {string.Join(", ", kept)}");
        Assert.Contains(results, r => r.Metrics!.ActiveInputNames!.SequenceEqual(["x0", "x1", "x2"]));
        Assert.Equal(results.Select(r => r.Metrics!.ActiveInputs), results.Select(r => r.Metrics!.ActiveInputNames!.Count));
    }

    public void Dispose() => trainer.Dispose();
}
