using SweepCluster.Core.Devices;
using SweepCluster.Core.Packing;

namespace SweepCluster.Cli.Devices;

/// <summary>
/// Where a node's workers train: the devices asked for, slots (worker actors) per device (null: the default for the
/// device: cores / threads-per-worker on the CPU, 1 per GPU), torch threads per worker and the pack size
/// (null: auto).
/// </summary>
public sealed record SlotSettings(DeviceRequest Devices, int? SlotsPerDevice, int ThreadsPerWorker, PackSizeSetting? PackSize = null)
{
    /// <summary>Each problem with the numbers, named by option.</summary>
    public IEnumerable<string> Problems()
    {
        if (SlotsPerDevice is < 1)
        {
            yield return $"--slots-per-device: must be at least 1 (got {SlotsPerDevice})";
        }
        if (ThreadsPerWorker < 1)
        {
            yield return $"--threads-per-worker: must be at least 1 (got {ThreadsPerWorker})";
        }
    }

    /// <summary>Slots on <paramref name="device"/>: as asked, else the CPU's thread budget split over workers, else one per GPU.</summary>
    public int SlotsOn(string device) => SlotsPerDevice
        ?? (device == "cpu" ? Math.Max(1, Environment.ProcessorCount / ThreadsPerWorker) : 1);
}
