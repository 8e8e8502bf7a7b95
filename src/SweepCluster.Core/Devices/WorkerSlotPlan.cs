namespace SweepCluster.Core.Devices;

/// <summary>
/// One worker actor per slot: <c>slotsPerDevice</c> slots on each device, in device order, so that N devices × M slots
/// give N·M workers, each pinned to its device (<c>cpu</c>, <c>cuda:0</c>, …).
/// </summary>
public static class WorkerSlotPlan
{
    public static IReadOnlyList<string> Slots(IReadOnlyList<string> devices, int slotsPerDevice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotsPerDevice, 1);
        if (devices.Count == 0)
        {
            throw new ArgumentException("at least one device is needed", nameof(devices));
        }
        return devices.SelectMany(device => Enumerable.Repeat(device, slotsPerDevice)).ToList();
    }
}
