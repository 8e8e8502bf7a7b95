using System.Diagnostics;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// <c>bench packing</c>: the device's fp32 matmul rate, then trial-samples/s of the seed model
/// (30→100→200→300→100→5, dropout 0.2, L1 penalty, Adam) trained as packs of K trials at several batch sizes,
/// each with its speedup over K = 1 at the same batch. Every row times the same number of steps.
/// </summary>
public static class PackingBenchmark
{
    private const int MatmulSize = 1024;

    private static readonly int[] SeedWidths = [100, 200, 300, 100];

    public static PackingBenchmarkReport Run(PackingBenchmarkOptions options, Action<PackingBenchmarkRow>? onRow = null)
    {
        var device = DeviceSelector.Resolve(options.Device);
        TorchThreads.Use(options.Threads);
        // The table: K = 1, 4, 16, 64 everywhere, 256 too on a GPU (wider than what calibration tries on a CPU).
        var packSizes = options.PackSizes ?? (device.type == DeviceType.CUDA ? [1, 4, 16, 64, 256] : [1, 4, 16, 64]);
        var timing = PackTimingOptions.Fixed(options.WarmUpSteps, options.Steps);
        var rows = new List<PackingBenchmarkRow>();
        foreach (var batch in options.Batches)
        {
            var workload = new PackWorkload(Inputs: 30, Widths: SeedWidths, Outputs: 5, BatchSize: batch);
            double? single = null;
            foreach (var k in packSizes)
            {
                var rate = PackThroughput.Measure(device, workload, k, timing).TrialSamplesPerSecond;
                single ??= k == 1 ? rate : PackThroughput.Measure(device, workload, 1, timing).TrialSamplesPerSecond;
                var row = new PackingBenchmarkRow(batch, k, rate, rate / single.Value);
                rows.Add(row);
                onRow?.Invoke(row);
            }
        }
        return new PackingBenchmarkReport(device.ToString(), MatmulGflops(device), rows);
    }

    /// <summary>fp32 GFLOP/s of a square matmul (2n³ flops each), timed over at least half a second after warm-up.</summary>
    private static double MatmulGflops(torch.Device device)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn([MatmulSize, MatmulSize], device: device);
        var b = torch.randn([MatmulSize, MatmulSize], device: device);
        for (var i = 0; i < 2; i++)
        {
            a.mm(b).Dispose();
        }
        Synchronize(device);
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (count < 3 || (clock.Elapsed < TimeSpan.FromSeconds(0.5) && count < 1000))
        {
            a.mm(b).Dispose();
            count++;
            if (count % 10 == 0)
            {
                Synchronize(device);
            }
        }
        Synchronize(device);
        return 2.0 * MatmulSize * MatmulSize * MatmulSize * count / clock.Elapsed.TotalSeconds / 1e9;
    }

    private static void Synchronize(torch.Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize(device);
        }
    }
}
