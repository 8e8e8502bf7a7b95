using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SweepCluster.Training.Native;
using TorchSharp;

namespace SweepCluster.Training.Packing;

/// <summary>
/// Decides the <c>auto</c> pack size for a device and workload from a short measurement: trial-samples/s of the
/// packed model at K = 1, 4, 16, 64 (and 256 on CUDA), up to the largest pack allowed. The fastest K wins, but
/// only when it beats K = 1 by <see cref="RequiredGain"/>: packing must never lose. Decisions are cached per
/// device, workload and largest pack, so a host keeps one instance for the process; thread-safe (one
/// measurement per key, however many workers ask at once).
/// </summary>
public sealed class PackCalibration
{
    /// <summary>The gain over K = 1 a pack size must show to be chosen (measurement noise on a busy CPU is ~5–10 %).</summary>
    public const double RequiredGain = 1.15;

    /// <summary>A measurement short enough for every new workload: about 0.1 s per candidate on a CPU.</summary>
    public static PackTimingOptions DefaultTiming { get; } = new(WarmUpSteps: 2, MinSteps: 3, MinTime: TimeSpan.FromMilliseconds(100), MaxSteps: 200);

    private static readonly int[] CpuCandidates = [1, 4, 16, 64];
    private static readonly int[] CudaCandidates = [1, 4, 16, 64, 256];

    private readonly ConcurrentDictionary<PackCalibrationKey, Lazy<PackDecision>> decisions = new();
    private readonly Func<torch.Device, PackWorkload, int, double> measure;

    public PackCalibration()
        : this((device, workload, k) => PackThroughput.Measure(device, workload, k, DefaultTiming).TrialSamplesPerSecond)
    {
    }

    /// <param name="measure">Trial-samples/s of a pack of the given size (tests pass a fixed table).</param>
    public PackCalibration(Func<torch.Device, PackWorkload, int, double> measure) => this.measure = measure;

    /// <summary>The candidate pack sizes for a device, up to <paramref name="maxPackSize"/>.</summary>
    public static IReadOnlyList<int> Candidates(torch.Device device, int maxPackSize) =>
        (device.type == DeviceType.CUDA ? CudaCandidates : CpuCandidates).Where(k => k <= Math.Max(1, maxPackSize)).ToList();

    /// <summary>The pack size to use for <paramref name="workload"/> on <paramref name="device"/>: 1 when packing does not pay.</summary>
    public int PackSize(torch.Device device, PackWorkload workload, int maxPackSize) => Decide(device, workload, maxPackSize).PackSize;

    public PackDecision Decide(torch.Device device, PackWorkload workload, int maxPackSize)
    {
        var key = new PackCalibrationKey(device.ToString(), workload.Describe(), Math.Max(1, maxPackSize));
        return decisions.GetOrAdd(key, _ => new Lazy<PackDecision>(() => Calibrate(device, workload, maxPackSize))).Value;
    }

    private PackDecision Calibrate(torch.Device device, PackWorkload workload, int maxPackSize)
    {
        var candidates = Candidates(device, maxPackSize);
        if (candidates.Count == 1)
        {
            return new PackDecision(1, new Dictionary<int, double>());
        }
        TorchRuntime.EnsureLoaded();
        var throughput = new Dictionary<int, double>();
        foreach (var k in candidates)
        {
            try
            {
                throughput[k] = measure(device, workload, k);
            }
            catch (ExternalException) when (k > 1)
            {
                // libtorch refused (e.g. out of device memory): this size and any larger one are out.
                break;
            }
        }
        var (bestSize, bestRate) = throughput.MaxBy(entry => entry.Value);
        var chosen = bestRate >= throughput[1] * RequiredGain ? bestSize : 1;
        return new PackDecision(chosen, throughput);
    }
}
