using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Devices;
using SweepCluster.Core.Packing;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Devices;

/// <summary>
/// The worker slots of this process: one TorchSharp trainer per device, shared by that device's slots, and one data
/// cache (a copy per device) and one pack-size calibration (a decision per device and workload) shared by all. Disposing it releases the trainers and the data.
/// </summary>
public sealed class WorkerSlots : IDisposable
{
    private readonly DatasetCache datasets = new();
    private readonly PackCalibration calibration = new();
    private readonly List<TorchTrialTrainer> trainers = [];

    /// <param name="devices">The devices that exist, resolved from the request (e.g. by <see cref="DeviceSelector.Devices"/>).</param>
    public WorkerSlots(IReadOnlyList<string> devices, SlotSettings settings)
    {
        var slots = new List<WorkerSlot>();
        foreach (var device in devices)
        {
            var trainer = new TorchTrialTrainer(new TrainerOptions(settings.ThreadsPerWorker, device, settings.PackSize ?? PackSizeSetting.Auto), datasets, calibration);
            trainers.Add(trainer);
            slots.AddRange(WorkerSlotPlan.Slots([device], settings.SlotsOn(device)).Select(d => new WorkerSlot(d, trainer)));
        }
        Slots = slots;
    }

    public IReadOnlyList<WorkerSlot> Slots { get; }

    public string Summary => WorkerNode.DeviceSummary(Slots);

    public void Dispose()
    {
        trainers.ForEach(t => t.Dispose());
        datasets.Dispose();
    }
}
