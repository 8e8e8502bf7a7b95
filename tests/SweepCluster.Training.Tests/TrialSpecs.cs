using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Training.Tests;

/// <summary>Small trial specs for tests: a synthetic problem that trains in well under a second.</summary>
internal static class TrialSpecs
{
    public static SyntheticDataSpec SmallData { get; } = new(Samples: 1200, Features: 12, Informative: 4, Classes: 3, Seed: 7);

    public static TrialSpec Small(
        double lambda = 0,
        double dropout = 0,
        int[]? widths = null,
        TrainingSettings? training = null,
        DataSpec? data = null,
        long seed = 1) =>
        new(
            Id: $"test-{seed}",
            SweepName: "test",
            Index: 0,
            Seed: seed,
            Data: data ?? SmallData,
            Outputs: 3,
            Lambda: lambda,
            Dropout: dropout,
            Widths: widths ?? [32, 16],
            Training: training ?? new TrainingSettings(Epochs: 8, BatchSize: 64, LearningRate: 1e-2, Threads: 1),
            SweptValues: []);
}
