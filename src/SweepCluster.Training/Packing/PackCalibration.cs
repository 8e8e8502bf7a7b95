using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SweepCluster.Training.Native;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Packing;

/// <summary>
/// Decides the <c>auto</c> pack size for a device and workload from a short measurement: trial-samples/s of the
/// packed model at K = 1, 4, 16 (and 64, 256 on CUDA), up to the largest pack allowed, in that order, stopping at the
/// first size that is no faster than the best so far. The fastest K wins, but only when it beats K = 1 by
/// <see cref="RequiredGainFor"/> the device: packing must never lose. (On 2 CPU cores K = 64 never won: the optimizer's elementwise
/// work over 64 stacked models falls out of cache.) Decisions are cached per device, workload and largest pack, so
/// a host keeps one instance for the process; thread-safe (one measurement per key, however many workers ask at once).
/// </summary>
public sealed class PackCalibration
{
    /// <summary>The gain over K = 1 a pack size must show on a GPU to be chosen (measurement noise is ~5–10 %).</summary>
    public const double RequiredGain = 1.15;

    /// <summary>
    /// The gain a pack size must show on a CPU. Higher: a CPU pack's measured gain shrinks in a sweep (two slots share the
    /// cores and the memory bandwidth, the calibration itself stalls the other slot, and a pack ends only with its slowest
    /// member), so below 1.3× a whole sweep with packs ran slower than without (issue 24).
    /// </summary>
    public const double RequiredCpuGain = 1.3;

    public static double RequiredGainFor(torch.Device device) => device.type == DeviceType.CUDA ? RequiredGain : RequiredCpuGain;

    /// <summary>
    /// A measurement short enough for every new workload: about 20 ms per candidate on a CPU (both slots wait while it runs;
    /// at 50 ms it cost the mixed-width sweep 5–7 %, and with a 1.3× gain required the shorter measurement decides the same).
    /// </summary>
    public static PackTimingOptions DefaultTiming { get; } = new(WarmUpSteps: 1, MinSteps: 3, MinTime: TimeSpan.FromMilliseconds(20), MaxSteps: 100);

    private static readonly int[] CpuCandidates = [1, 4, 16];
    private static readonly int[] CudaCandidates = [1, 4, 16, 64, 256];

    private readonly ConcurrentDictionary<PackCalibrationKey, Lazy<PackDecision>> decisions = new();
    private readonly ConcurrentDictionary<string, DeviceGate> gates = new();
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

    /// <summary>
    /// The pack size to use for <paramref name="workload"/> on <paramref name="device"/>: 1 when packing does not pay.
    /// Without <paramref name="waitForCalibration"/>, a caller that finds another thread measuring this workload gets 0 at
    /// once, "not decided yet" (a worker slot trains one trial meanwhile instead of idling, and asks again later); the
    /// measuring caller always waits for its result.
    /// </summary>
    /// <param name="offered">The trials at hand (default: as many as allowed); a smaller size that was not measured is never used.</param>
    public int PackSize(torch.Device device, PackWorkload workload, int maxPackSize, bool waitForCalibration = true, int? offered = null)
    {
        var key = new PackCalibrationKey(device.ToString(), workload.Describe(), Math.Max(1, maxPackSize));
        var mine = new Lazy<PackDecision>(() => Calibrate(device, workload, maxPackSize));
        var entry = decisions.GetOrAdd(key, mine);
        return ReferenceEquals(entry, mine) || entry.IsValueCreated || waitForCalibration
            ? entry.Value.PackSizeFor(offered ?? maxPackSize, RequiredGainFor(device))
            : 0;
    }

    public PackDecision Decide(torch.Device device, PackWorkload workload, int maxPackSize)
    {
        var key = new PackCalibrationKey(device.ToString(), workload.Describe(), Math.Max(1, maxPackSize));
        return decisions.GetOrAdd(key, _ => new Lazy<PackDecision>(() => Calibrate(device, workload, maxPackSize))).Value;
    }

    /// <summary>
    /// The gate of <paramref name="device"/> in this process: the trainers sharing this calibration hold it for each epoch, a
    /// calibration holds it alone.
    /// </summary>
    public DeviceGate GateFor(torch.Device device) => gates.GetOrAdd(device.ToString(), _ => new DeviceGate());

    private PackDecision Calibrate(torch.Device device, PackWorkload workload, int maxPackSize)
    {
        var candidates = Candidates(device, maxPackSize);
        if (candidates.Count == 1)
        {
            return new PackDecision(1, new Dictionary<int, double>());
        }
        TorchRuntime.EnsureLoaded();
        using var alone = GateFor(device).Calibrate();
        var throughput = new Dictionary<int, double>();
        foreach (var k in candidates)
        {
            try
            {
                throughput[k] = measure(device, workload, k);
            }
            catch (ExternalException e) when (k > 1 && IsOutOfMemory(e))
            {
                // Too big for the device: this size and any larger one are out. Any other failure is reported as it is.
                break;
            }
            // Throughput rises with K until something saturates, then falls: past the peak, larger packs only cost time.
            if (k > 1 && throughput[k] <= throughput.Where(e => e.Key < k).Max(e => e.Value))
            {
                break;
            }
        }
        var (bestSize, bestRate) = throughput.MaxBy(entry => entry.Value);
        var chosen = bestRate >= throughput[1] * RequiredGainFor(device) ? bestSize : 1;
        return new PackDecision(chosen, throughput);
    }

    /// <summary>libtorch's words for an allocation it could not make: CUDA's caching allocator, and the CPU allocator.</summary>
    public static bool IsOutOfMemory(Exception e) =>
        e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("not enough memory", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("can't allocate memory", StringComparison.OrdinalIgnoreCase);
}
