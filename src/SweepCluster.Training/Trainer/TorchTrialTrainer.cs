using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// The TorchSharp trainer: builds the network of a trial spec, trains it with cross-entropy plus the
/// L1 term (or proximal steps), keeps the best epoch's state and reports its metrics. Thread-safe: several
/// workers may share one instance (and its dataset cache), each calling <see cref="Train"/> on its own thread.
/// </summary>
public sealed class TorchTrialTrainer(TrainerOptions options) : ITrialTrainer, IDisposable
{
    private readonly DatasetCache datasets = new();

    public TorchTrialTrainer() : this(new TrainerOptions()) { }

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation)
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(trial.Training.Threads > 0 ? trial.Training.Threads : Math.Max(1, options.Threads));
        TensorDataset data;
        torch.Device device;
        try
        {
            device = DeviceSelector.Resolve(trial.Training.Device);
            data = datasets.Get(trial.Data, device);
        }
        catch (Exception e) when (e is DatasetException or ArgumentException)
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

    public void Dispose() => datasets.Dispose();
}
