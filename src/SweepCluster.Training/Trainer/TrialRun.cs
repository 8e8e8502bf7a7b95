using System.Diagnostics;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Metrics;
using SweepCluster.Training.Network;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// One trial's training from start to result. Every step runs inside its own dispose scope, so native
/// memory stays flat however many steps and trials one process runs.
/// </summary>
internal sealed class TrialRun : IDisposable
{
    private const int EvaluationChunk = 8192;

    private readonly TrialSpec trial;
    private readonly TensorDataset data;
    private readonly TrialRandom random;
    private readonly FeedForwardNetwork network;
    private IParameterOptimizer optimizer;
    private readonly BestWeights best;
    private readonly TrialProgress progress;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly DeviceGate? deviceGate;
    private readonly Func<TrainingSettings, FeedForwardNetwork, IParameterOptimizer> newOptimizer;
    private readonly TrialLoss loss;

    /// <summary>The refit's frozen zero pattern; null during the regularized epochs.</summary>
    private ZeroPattern? refit;

    /// <param name="deviceGate">Held for each epoch, so that a calibration on the device waits for it (null: not shared).</param>
    /// <param name="newOptimizer">Makes each phase's optimizer (null: the one training.optimizer names); tests watch it.</param>
    public TrialRun(TrialSpec trial, TensorDataset data, int outputs, Device device, DeviceGate? deviceGate = null,
        Func<TrainingSettings, FeedForwardNetwork, IParameterOptimizer>? newOptimizer = null)
    {
        this.trial = trial;
        this.deviceGate = deviceGate;
        this.data = data;
        this.newOptimizer = newOptimizer ?? CreateOptimizer;
        random = new TrialRandom(trial.Seed, device);
        network = new FeedForwardNetwork(data.Features, trial.Widths, outputs, trial.Dropout, random);
        optimizer = this.newOptimizer(trial.Training, network);
        best = new BestWeights(network);
        progress = new TrialProgress(trial);
        loss = new TrialLoss(data, trial.Training);
    }

    private TrainingSettings Settings => trial.Training;

    /// <summary>
    /// Trains the trial's regularized epochs, then its refit epochs (lambda 0, zero pattern frozen) if it has any (see
    /// <see cref="TrialProgress"/>); patience ends each phase on its own. After each reported epoch but the trial's final one
    /// <paramref name="gate"/> may stop it early. Epochs are numbered on across both phases.
    /// </summary>
    public TrialResult Execute(Action<EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate = null)
    {
        for (var epoch = 1; epoch <= progress.LastEpoch; epoch++)
        {
            if (RunEpoch(cancellation) is not (var trainLoss, var evaluation))
            {
                return Finish(TrialStatus.Interrupted, $"stopped during epoch {epoch}");
            }
            if (Divergence.Reason(trainLoss, evaluation.Loss, epoch, Settings.LearningRate) is { } diverged)
            {
                return Finish(TrialStatus.Diverged, diverged);
            }
            var record = evaluation.ToRecord(epoch, trainLoss, refit: progress.Refitting);
            if (progress.Record(record))
            {
                best.Save();
            }
            onEpoch?.Invoke(record);
            switch (progress.Conclude(epoch, () => gate?.Invoke(0, epoch) != false))
            {
                case EpochOutcome.StoppedEarly:
                    return Finish(TrialStatus.StoppedEarly, StoppedEarlyReason(epoch));
                case EpochOutcome.Completed:
                    return Finish(TrialStatus.Completed, null);
                case EpochOutcome.Refit:
                    BeginRefit();
                    break;
            }
        }
        return Finish(TrialStatus.Completed, null);
    }

    /// <summary>
    /// The relaxed lasso's second phase. It starts from the best regularized epoch (the model a trial without a refit
    /// reports, so the refit retrains exactly the selection that would otherwise be reported; the last epoch's may have let
    /// a few groups back in). The weights outside the selected support become 0 and stay so (see <see cref="RefitSupport"/>),
    /// lambda is 0, and the best epoch is sought among the refit epochs alone. The optimizer starts afresh: moments gathered
    /// under the penalty point where the penalty pushed, and would slow the climb the refit is for.
    /// </summary>
    private void BeginRefit()
    {
        best.Restore();
        refit = ZeroPattern.Freeze(network.Weights.ToList(), Settings);
        optimizer.Dispose();
        optimizer = newOptimizer(Settings, network);
    }

    /// <summary>One epoch's training and evaluation, holding the device's gate; null when it was cancelled.</summary>
    private (double TrainLoss, EvaluationResult Evaluation)? RunEpoch(CancellationToken cancellation)
    {
        using var turn = deviceGate?.Train();
        var trainLoss = TrainEpoch(cancellation);
        return cancellation.IsCancellationRequested ? null : (trainLoss, Evaluate());
    }

    /// <summary>One pass over the shuffled training split; returns the mean training loss, in the target's units for regression (NaN when it diverged).</summary>
    private double TrainEpoch(CancellationToken cancellation)
    {
        using var epochScope = torch.NewDisposeScope();
        var order = random.Permutation(data.TrainRows);
        var lossSum = torch.zeros(1, device: data.TrainFeatures.device);
        for (long start = 0; start < data.TrainRows; start += Settings.BatchSize)
        {
            if (cancellation.IsCancellationRequested)
            {
                return double.NaN;
            }
            TrainStep(order, start, Math.Min(Settings.BatchSize, data.TrainRows - start), lossSum);
        }
        return lossSum.item<float>() / data.TrainRows * loss.TrainLossScale;
    }

    /// <summary>
    /// Forward, loss, backward and optimizer step for one batch; adds the batch's summed loss to
    /// <paramref name="lossSum"/> on the device (no transfer, and nothing outlives the step's scope).
    /// </summary>
    private void TrainStep(Tensor order, long start, long length, Tensor lossSum)
    {
        using var stepScope = torch.NewDisposeScope();
        optimizer.ZeroGradients();
        var rows = order.narrow(0, start, length);
        var logits = network.Forward(data.TrainFeatures.index_select(0, rows), training: true);
        var batchLoss = loss.Mean(logits, data.TrainLabels.index_select(0, rows));
        batchLoss.backward();
        var lambda = progress.Lambda;
        var l1 = L1Plan.For(Settings.L1Mode, lambda != 0);
        if (l1.AddsGradient)
        {
            L1Term.AddGradient(network, Settings.IncludeBiases, lambda);
        }
        refit?.MaskGradients();
        optimizer.Step(l1.Proximal ? lambda : 0);
        if (l1.ShrinksGroups)
        {
            GroupL1.Shrink(network, Settings.L1Groups, Settings.LearningRate * lambda);
        }
        refit?.Reapply();
        using var rowCount = length.ToScalar();
        using var one = 1.0.ToScalar();
        lossSum.add_(batchLoss.detach().mul(rowCount), one);
    }

    private EvaluationResult Evaluate() => data.Target is null ? EvaluateClassifier() : EvaluateRegression(data.Target.Std);

    private EvaluationResult EvaluateClassifier()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var lossSum = 0.0;
        long correct = 0;
        for (long start = 0; start < data.ValidationRows; start += EvaluationChunk)
        {
            var length = Math.Min(EvaluationChunk, data.ValidationRows - start);
            var labels = data.ValidationLabels.narrow(0, start, length);
            var logits = network.Forward(data.ValidationFeatures.narrow(0, start, length), training: false);
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return new EvaluationResult(lossSum / data.ValidationRows, (double)correct / data.ValidationRows);
    }

    private EvaluationResult EvaluateRegression(double std)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var scale = std.ToScalar();
        var (squared, absolute) = (0.0, 0.0);
        for (long start = 0; start < data.ValidationRows; start += EvaluationChunk)
        {
            var length = Math.Min(EvaluationChunk, data.ValidationRows - start);
            var outputs = network.Forward(data.ValidationFeatures.narrow(0, start, length), training: false);
            var sums = RegressionErrors.Sums(outputs, data.ValidationLabels.narrow(0, start, length), scale);
            squared += sums.Squared.item<float>();
            absolute += sums.Absolute.item<float>();
        }
        return EvaluationResult.Of(RegressionScores.FromSums(squared, absolute, data.ValidationTotalSquares, data.ValidationRows));
    }

    /// <summary>The worker replaces it with the scheduler's own reason; this one stands where the trainer runs alone.</summary>
    internal static string StoppedEarlyReason(int epoch) => $"stopped early by the scheduler after epoch {epoch}";

    private TrialResult Finish(TrialStatus status, string? reason)
    {
        var history = progress.History;
        if (progress.Best is null)
        {
            return new TrialResult(trial.Id, status, reason, null, history);
        }
        best.Restore();
        var sparsity = SparsityMeter.Measure(network, Settings.SparsityThreshold, data.FeatureNames);
        var seconds = clock.Elapsed.TotalSeconds;
        var metrics = TrialMetricsBuilder.From(progress.Best, sparsity, network.ParameterCount, history.Count, seconds, data.TrainRows);
        var model = ModelExport.From([.. network.Layers.Select(l => (l.Weight, l.Bias))], data, trial);
        return new TrialResult(trial.Id, status, reason, metrics, history, Model: model);
    }

    internal static IParameterOptimizer CreateOptimizer(TrainingSettings settings, FeedForwardNetwork network) =>
        OptimizerChoice.Create<IParameterOptimizer>(settings, network.Layers.Select(l => (l.Weight, l.Bias)),
            sgd: p => new SgdOptimizer(p, settings.LearningRate, settings.Momentum),
            adam: p => new AdamOptimizer(p, settings.LearningRate));

    public void Dispose()
    {
        refit?.Dispose();
        loss.Dispose();
        best.Dispose();
        optimizer.Dispose();
        network.Dispose();
        random.Dispose();
    }
}
