using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// The TorchSharp trainer of one device: builds the network of a trial spec on <see cref="TrainerOptions.Device"/>,
/// trains it with cross-entropy plus the L1 term (or proximal steps), keeps the best epoch's state and reports its
/// metrics. Thread-safe: the worker slots of one device may share an instance, each calling <see cref="Train"/> on
/// its own thread; trainers of several devices may share one <see cref="DatasetCache"/> (it keeps a copy per device).
/// </summary>
public sealed class TorchTrialTrainer : ITrialTrainer, IDisposable
{
    private readonly TrainerOptions options;
    private readonly DatasetCache datasets;
    private readonly bool ownsDatasets;

    public TorchTrialTrainer() : this(new TrainerOptions()) { }

    /// <param name="sharedDatasets">A cache shared with other trainers (its owner disposes it), or null for one of its own.</param>
    public TorchTrialTrainer(TrainerOptions options, DatasetCache? sharedDatasets = null)
    {
        this.options = options;
        datasets = sharedDatasets ?? new DatasetCache();
        ownsDatasets = sharedDatasets is null;
    }

    public string Device => options.Device;

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation)
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(trial.Training.Threads > 0 ? trial.Training.Threads : Math.Max(1, options.Threads));
        var device = DeviceSelector.Resolve(options.Device);
        TensorDataset data;
        try
        {
            data = datasets.Get(trial.Data, device);
        }
        catch (DatasetException e)
        {
            return new TrialResult(trial.Id, TrialStatus.Failed, e.Message, null, []);
        }
        var outputs = trial.Outputs > 0 ? trial.Outputs : data.Classes;
        if (outputs < data.Classes)
        {
            return new TrialResult(trial.Id, TrialStatus.Failed, $"model.outputs={outputs} but the data has {data.Classes} classes", null, []);
        }
        using var run = new TrialRun(trial, data, outputs, device);
        return run.Execute(onEpoch, cancellation);
    }

    public void Dispose()
    {
        if (ownsDatasets)
        {
            datasets.Dispose();
        }
    }
}
