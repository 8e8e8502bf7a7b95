using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

/// <summary>The failures the trainer finds itself (data, configuration) are deterministic: retrying them cannot help.</summary>
public sealed class TrainerFailureKindTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-kind-").FullName;
    private readonly TorchTrialTrainer trainer = new();

    [Fact]
    public void Broken_csv_fails_deterministically_naming_row_and_column()
    {
        // given a CSV with a non-numeric cell
        var path = Path.Combine(folder, "broken.csv");
        File.WriteAllText(path, "a,b,label\n1,2,x\n3,oops,y\n5,6,x\n7,8,y\n");

        // when a trial trains on it
        var result = trainer.Train(TrialSpecs.Small(data: new CsvDataSpec(path, "label")), null, CancellationToken.None);

        // then it fails with the file, row and column, and is not to be retried
        Assert.Equal((TrialStatus.Failed, TrialFailureKind.Deterministic), (result.Status, result.FailureKind));
        Assert.Equal($"{path}: row 3, column 'b': 'oops' is not a number", result.Reason);
    }

    [Fact]
    public void Fewer_outputs_than_classes_fails_deterministically()
    {
        // given three classes and a trial with two outputs
        var spec = TrialSpecs.Small() with { Outputs = 2 };

        // when trained
        var result = trainer.Train(spec, null, CancellationToken.None);

        // then it fails for good
        Assert.Equal((TrialStatus.Failed, TrialFailureKind.Deterministic), (result.Status, result.FailureKind));
        Assert.Equal("model.outputs=2 but the data has 3 classes", result.Reason);
    }

    [Fact]
    public void Validation_split_of_no_rows_fails_deterministically_naming_the_field()
    {
        // given 4 samples with 10% held out (0.4 rounds to no validation row)
        var spec = TrialSpecs.Small(data: TrialSpecs.SmallData with { Samples = 4, ValidationFraction = 0.1 });

        // when trained
        var result = trainer.Train(spec, null, CancellationToken.None);

        // then it fails for good, saying which setting leaves the split empty
        Assert.Equal((TrialStatus.Failed, TrialFailureKind.Deterministic), (result.Status, result.FailureKind));
        Assert.Contains("data.validation_fraction", result.Reason);
    }

    [Fact]
    public void Pack_with_bad_data_fails_every_trial_deterministically()
    {
        var path = Path.Combine(folder, "empty.csv");
        File.WriteAllText(path, "");
        var data = new CsvDataSpec(path, "label");

        var results = trainer.TrainPack([TrialSpecs.Small(data: data, seed: 1), TrialSpecs.Small(data: data, seed: 2)], null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal((TrialStatus.Failed, TrialFailureKind.Deterministic), (r.Status, r.FailureKind)));
    }

    [Fact]
    public void Completed_trial_has_no_failure_kind()
    {
        var result = trainer.Train(TrialSpecs.Small(training: new TrainingSettings(Epochs: 1, BatchSize: 64, LearningRate: 1e-2, Threads: 1)), null, CancellationToken.None);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Null(result.FailureKind);
    }

    public void Dispose()
    {
        trainer.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
