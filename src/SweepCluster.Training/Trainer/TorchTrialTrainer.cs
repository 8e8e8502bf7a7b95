using SweepCluster.Core.Packing;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using SweepCluster.Training.Packing;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// The TorchSharp trainer of one device: builds the network of a trial spec on <see cref="TrainerOptions.Device"/>,
/// trains it with cross-entropy plus the L1 term (or proximal steps), keeps the best epoch's state and reports its
/// metrics; compatible trials train as one stacked model (<see cref="PackedTrialRun"/>) when the pack size allows.
/// Thread-safe: the worker slots of one device may share an instance, each calling it on its own thread; trainers
/// of several devices may share one <see cref="DatasetCache"/> (it keeps a copy per device) and one
/// <see cref="PackCalibration"/> (it caches a decision per device and workload).
/// </summary>
public sealed class TorchTrialTrainer : ITrialTrainer, IDisposable
{
    /// <summary>
    /// On a CPU, trials of less arithmetic than this (fwd+bwd ≈ 6 FLOP per weight per training row, times epochs) never
    /// pack: a whole trial takes well under a second there, and measuring what packing would gain costs more than it saves.
    /// </summary>
    public const double MinCpuPackFlops = 10e9;

    private readonly TrainerOptions options;
    private readonly DatasetCache datasets;
    private readonly PackCalibration calibration;
    private readonly bool ownsDatasets;

    public TorchTrialTrainer() : this(new TrainerOptions()) { }

    /// <param name="sharedDatasets">A cache shared with other trainers (its owner disposes it), or null for one of its own.</param>
    /// <param name="sharedCalibration">Pack-size decisions shared with other trainers, or null for its own.</param>
    public TorchTrialTrainer(TrainerOptions options, DatasetCache? sharedDatasets = null, PackCalibration? sharedCalibration = null)
    {
        this.options = options;
        datasets = sharedDatasets ?? new DatasetCache();
        ownsDatasets = sharedDatasets is null;
        calibration = sharedCalibration ?? new PackCalibration();
    }

    public string Device => options.Device;

    private PackSizeSetting Packing => options.PackSize ?? PackSizeSetting.Off;

    /// <summary><c>auto</c> offers the largest size calibration may choose on this device; a fixed size, that size.</summary>
    public int MaxPackSize => Packing.Mode == PackSizeMode.Auto
        ? PackCalibration.Candidates(SlotDevice(), int.MaxValue).Max()
        : Packing.Size;

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation) =>
        Train(trial, onEpoch, cancellation, null);

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate)
    {
        var prepared = Prepare(trial);
        if (prepared.Problem is { } problem)
        {
            return Failed(trial, problem);
        }
        using var run = new TrialRun(trial, prepared.Data!, prepared.Outputs, prepared.Device, calibration.GateFor(prepared.Device));
        return run.Execute(onEpoch, cancellation, gate);
    }

    public int PackSize(TrialSpec sample, int offered)
    {
        if (offered <= 1 || Packing is { Mode: PackSizeMode.Fixed, Size: <= 1 })
        {
            return 1;
        }
        if (Packing.Mode == PackSizeMode.Fixed)
        {
            return Math.Min(Packing.Size, offered);
        }
        var prepared = Prepare(sample);
        if (prepared.Problem is not null)
        {
            return 1; // the trial fails on its own; no pack to size
        }
        if (prepared.Device.type == TorchSharp.DeviceType.CPU && TrainingFlops(sample, prepared) < MinCpuPackFlops)
        {
            return 1;
        }
        // The seed model's per-trial costs (dropout masks, L1 term) stand for every trial, so one decision serves a shape and batch size.
        var workload = new PackWorkload(prepared.Data!.Features, sample.Widths, prepared.Outputs, sample.Training.BatchSize);
        // Calibrated for the largest pack this slot asks for, not for this offer, so that one decision per workload serves every offer.
        // A slot that finds another one measuring trains this trial alone meanwhile rather than wait.
        return calibration.PackSize(prepared.Device, workload, MaxPackSize, waitForCalibration: false, offered: offered);
    }

    public IReadOnlyList<TrialResult> TrainPack(IReadOnlyList<TrialSpec> trials, Action<int, EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate = null)
    {
        if (trials.Count == 1)
        {
            return [Train(trials[0], epoch => onEpoch?.Invoke(0, epoch), cancellation, gate)];
        }
        var prepared = Prepare(trials[0]);
        if (prepared.Problem is { } problem)
        {
            return trials.Select(t => Failed(t, problem)).ToList();
        }
        using var run = new PackedTrialRun(trials, prepared.Data!, prepared.Outputs, prepared.Device, calibration.GateFor(prepared.Device));
        return run.Execute(onEpoch, cancellation, gate);
    }

    /// <summary>Threads, device and the trial's data (shared by every trial of a pack: they have one data spec).</summary>
    private PreparedTrial Prepare(TrialSpec trial)
    {
        TorchRuntime.EnsureLoaded();
        TorchThreads.Use(trial.Training.Threads > 0 ? trial.Training.Threads : options.Threads);
        var device = DeviceSelector.Resolve(options.Device);
        TensorDataset data;
        try
        {
            data = datasets.Get(trial.Data, device);
        }
        catch (DatasetException e)
        {
            return new PreparedTrial(null, 0, device, e.Message);
        }
        var outputs = trial.Outputs > 0 ? trial.Outputs : data.Classes;
        if (data.IsRegression && outputs != 1)
        {
            return new PreparedTrial(null, outputs, device, $"model.outputs={outputs} but a regression network has one output");
        }
        return outputs < data.Classes
            ? new PreparedTrial(null, outputs, device, $"model.outputs={outputs} but the data has {data.Classes} classes")
            : new PreparedTrial(data, outputs, device, null);
    }

    private static double TrainingFlops(TrialSpec trial, PreparedTrial prepared)
    {
        var sizes = new[] { prepared.Data!.Features }.Concat(trial.Widths).Append(prepared.Outputs).ToList();
        var weights = sizes.Zip(sizes.Skip(1), (a, b) => (double)a * b).Sum();
        return 6 * weights * prepared.Data.TrainRows * trial.Training.TotalEpochs;
    }

    /// <summary>The failures the trainer itself finds (data, shapes, configuration) fail the same way on every attempt.</summary>
    private static TrialResult Failed(TrialSpec trial, string reason) =>
        new(trial.Id, TrialStatus.Failed, reason, null, [], FailureKind: TrialFailureKind.Deterministic);

    private torch.Device SlotDevice() => options.Device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) ? torch.CUDA : torch.CPU;

    public void Dispose()
    {
        if (ownsDatasets)
        {
            datasets.Dispose();
        }
    }
}
