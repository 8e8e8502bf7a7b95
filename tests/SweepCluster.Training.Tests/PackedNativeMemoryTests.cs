using System.Diagnostics;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;
using TorchSharp;
using Xunit.Abstractions;

namespace SweepCluster.Training.Tests;

public class PackedNativeMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Resident_memory_levels_off_over_many_packs()
    {
        // given warmed-up packs of four trials with dropout and the L1 penalty (one diverging, to exercise its clean-up)
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
        using var datasets = new DatasetCache();
        var data = datasets.Get(TrialSpecs.SmallData, torch.CPU);
        var training = new TrainingSettings(Epochs: 4, BatchSize: 32, LearningRate: 1e-2, Optimizer: OptimizerKind.Sgd, Patience: 1, Threads: 1);
        IReadOnlyList<TrialSpec> Pack(int round) => Enumerable.Range(0, 4)
            .Select(k => TrialSpecs.Small(lambda: 1e-4 * k, dropout: 0.1 * k, widths: [64, 64], training: k == 3 ? training with { LearningRate = 1e12 } : training, seed: round * 4 + k))
            .ToList();
        RunPacks(data, Pack, 0, 20);
        var afterWarmUp = ResidentBytes();

        // when 40 more packs run (40 × 4 epochs × 30 steps = 4 800 packed steps)
        RunPacks(data, Pack, 20, 40);
        var afterMany = ResidentBytes();

        // then resident memory grew by less than 40 MB (a leak of one batch per step would be far more)
        var growthMb = (afterMany - afterWarmUp) / 1e6;
        output.WriteLine($"RSS after warm-up {afterWarmUp / 1e6:F1} MB, after 40 more packs {afterMany / 1e6:F1} MB, growth {growthMb:F1} MB");
        Assert.True(growthMb < 40, $"resident memory grew by {growthMb:F1} MB");
    }

    private static void RunPacks(Data.TensorDataset data, Func<int, IReadOnlyList<TrialSpec>> pack, int first, int count)
    {
        for (var round = first; round < first + count; round++)
        {
            using var run = new PackedTrialRun(pack(round), data, 3, torch.CPU);
            run.Execute(null, CancellationToken.None);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
