using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Randomness;
using TorchSharp;

namespace SweepCluster.Training.Packing;

/// <summary>
/// Measures how fast a pack of K trials trains on a device: the real <see cref="PackedTrialRun"/> step
/// (Adam, per-trial dropout masks and L1 penalty) on random data, after warm-up.
/// </summary>
public static class PackThroughput
{
    /// <summary>Rows of random data per measurement, in batches: enough that the steps do not reuse one batch.</summary>
    private const int BatchesOfData = 16;

    public static PackTiming Measure(torch.Device device, PackWorkload workload, int packSize, PackTimingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(packSize, 1);
        using var scope = torch.NewDisposeScope();
        using var data = RandomData(device, workload);
        var trials = Enumerable.Range(0, packSize).Select(k => Trial(workload, k)).ToList();
        using var run = new PackedTrialRun(trials, data, workload.Outputs, device);
        return run.TimeSteps(options);
    }

    private static TensorDataset RandomData(torch.Device device, PackWorkload workload)
    {
        using var random = new TrialRandom(7, device);
        var rows = (long)workload.BatchSize * BatchesOfData;
        var features = random.Normal([rows, workload.Inputs]);
        var labels = random.Integers(workload.Outputs, [rows]);
        var validationFeatures = features.narrow(0, 0, workload.BatchSize).clone();
        var validationLabels = labels.narrow(0, 0, workload.BatchSize).clone();
        return new TensorDataset(features.DetachFromDisposeScope(), labels.DetachFromDisposeScope(), validationFeatures.DetachFromDisposeScope(), validationLabels.DetachFromDisposeScope(), workload.Outputs);
    }

    private static TrialSpec Trial(PackWorkload workload, int k) =>
        new(
            Id: $"calibration-{k}",
            SweepName: "calibration",
            Index: k,
            Seed: k + 1,
            Data: new SyntheticDataSpec(workload.BatchSize * BatchesOfData, workload.Inputs, 1, workload.Outputs, 7),
            Outputs: workload.Outputs,
            Lambda: workload.Lambda,
            Dropout: workload.Dropout,
            Widths: workload.Widths,
            Training: new TrainingSettings(Epochs: 1, BatchSize: workload.BatchSize, LearningRate: 1e-3),
            SweptValues: []);
}
