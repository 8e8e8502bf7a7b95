using System.Diagnostics;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Metrics;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Randomness;
using SweepCluster.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// K compatible trials (equal <see cref="PackKey"/>) trained as one stacked model, each with its own seed,
/// initialisation, batch order, dropout masks, lambda, learning rate, early stopping, best epoch and result.
/// The per-trial losses are summed, so each trial's gradients are exactly its own; a trial that ends (patience,
/// divergence) is frozen while the others go on, and each trial enters its refit (lambda 0, its own zero pattern frozen)
/// when its own regularized epochs end. Results have the form <see cref="Trainer.TrialRun"/> gives.
/// Every step runs inside its own dispose scope, so native memory stays flat.
/// </summary>
public sealed class PackedTrialRun : IDisposable
{
    /// <summary>Rows of all trials together per evaluation chunk: large enough to amortise the call overhead, small enough for memory.</summary>
    private const long EvaluationRowsPerChunk = 32768;

    private readonly IReadOnlyList<PackMember> members;
    private readonly TensorDataset data;
    private readonly Device device;
    private readonly TrainingSettings plan;
    private readonly IReadOnlyList<TrialRandom> randoms;
    private readonly PackedNetwork network;
    private readonly PackedOptimizer optimizer;
    private readonly PackedBestWeights best;
    private readonly PackedZeroPattern refit;
    private readonly Stopwatch clock = new();
    private readonly DeviceGate? deviceGate;
    private readonly TrialLoss loss;
    private PackControls controls;

    /// <param name="deviceGate">Held for each epoch, so that a calibration on the device waits for it (null: not shared).</param>
    public PackedTrialRun(IReadOnlyList<TrialSpec> trials, TensorDataset data, int outputs, Device device, DeviceGate? deviceGate = null)
    {
        EnsureCompatible(trials);
        this.deviceGate = deviceGate;
        this.data = data;
        this.device = device;
        plan = trials[0].Training;
        members = trials.Select((t, k) => new PackMember(k, t)).ToList();
        randoms = trials.Select(t => new TrialRandom(t.Seed, device)).ToList();
        network = new PackedNetwork(data.Features, trials[0].Widths, outputs, trials.Select(t => t.Dropout).ToList(), randoms, device);
        optimizer = CreateOptimizer(plan, network);
        best = new PackedBestWeights(network);
        refit = new PackedZeroPattern(network);
        controls = PackControls.For(members, device);
        loss = new TrialLoss(data, plan);
    }

    private int Count => members.Count;

    /// <summary>Trains every trial of the pack; one result per trial, in input order. <paramref name="onEpoch"/> gets the trial's index in the pack.</summary>
    /// <paramref name="gate"/> is asked after each reported epoch of each running trial; a trial it stops is frozen while the others go on.
    public IReadOnlyList<TrialResult> Execute(Action<int, EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate = null)
    {
        clock.Restart();
        for (var epoch = 1; epoch <= plan.TotalEpochs && members.Any(m => m.Running); epoch++)
        {
            if (RunEpoch(cancellation) is not (var trainLosses, var evaluation))
            {
                EndRunning(TrialStatus.Interrupted, $"stopped during epoch {epoch}");
                break;
            }
            CloseEpoch(epoch, trainLosses, evaluation, onEpoch, gate);
        }
        EndRunning(TrialStatus.Completed, null);
        return members.Select(Finish).ToList();
    }

    /// <summary>One epoch's training and evaluation of every trial, holding the device's gate; null when it was cancelled.</summary>
    private (double[] TrainLosses, PackEvaluation Evaluation)? RunEpoch(CancellationToken cancellation)
    {
        using var turn = deviceGate?.Train();
        var trainLosses = TrainEpoch(cancellation);
        return trainLosses is null || cancellation.IsCancellationRequested ? null : (trainLosses, Evaluate());
    }

    /// <summary>One pass over each trial's own shuffle of the training split; the per-trial mean loss (in the target's units for regression), or null when cancelled.</summary>
    private double[]? TrainEpoch(CancellationToken cancellation)
    {
        using var epochScope = torch.NewDisposeScope();
        var rows = data.TrainRows;
        var running = members.Select(m => m.Running).ToArray();
        // An ended trial draws nothing, as an ended single run would not; its rows are never learned from.
        var orders = torch.stack(members.Select(m => running[m.Index]
            ? randoms[m.Index].Permutation(rows)
            : torch.arange(rows, device: data.TrainFeatures.device)));
        var lossSums = torch.zeros(Count, device: data.TrainFeatures.device);
        for (long start = 0; start < rows; start += plan.BatchSize)
        {
            if (cancellation.IsCancellationRequested)
            {
                return null;
            }
            TrainStep(orders.narrow(1, start, Math.Min(plan.BatchSize, rows - start)), running, lossSums);
        }
        return lossSums.cpu().data<float>().Select(sum => (double)sum / rows * loss.TrainLossScale).ToArray();
    }

    /// <summary>
    /// Times training steps of this pack (for calibration and benchmarks): <see cref="PackTimingOptions.WarmUpSteps"/>
    /// untimed steps, then at least <see cref="PackTimingOptions.MinSteps"/> and until <see cref="PackTimingOptions.MinTime"/>
    /// has passed (at most <see cref="PackTimingOptions.MaxSteps"/>). The trials' state moves on; no result is kept.
    /// </summary>
    internal PackTiming TimeSteps(PackTimingOptions options)
    {
        using var scope = torch.NewDisposeScope();
        var running = members.Select(_ => true).ToArray();
        var batches = Math.Max(1, data.TrainRows / plan.BatchSize);
        var orders = torch.stack(randoms.Select(r => r.Permutation(data.TrainRows)));
        var lossSums = torch.zeros(Count, device: data.TrainFeatures.device);
        var step = 0;
        void Step() => TrainStep(orders.narrow(1, step++ % batches * plan.BatchSize, Math.Min(plan.BatchSize, data.TrainRows)), running, lossSums);
        for (var i = 0; i < options.WarmUpSteps; i++)
        {
            Step();
        }
        // Reading a value waits for queued device work, so the clock covers finished steps only.
        lossSums.sum().item<float>();
        var clock = Stopwatch.StartNew();
        var timed = 0;
        while (timed < options.MaxSteps && (timed < options.MinSteps || clock.Elapsed < options.MinTime))
        {
            Step();
            timed++;
        }
        lossSums.sum().item<float>();
        return new PackTiming(Count, plan.BatchSize, timed, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Forward, summed per-trial losses, backward and optimizer step for one batch per trial (<paramref name="rows"/> <c>[K, B]</c>).</summary>
    private void TrainStep(Tensor rows, bool[] running, Tensor lossSums)
    {
        using var stepScope = torch.NewDisposeScope();
        optimizer.ZeroGradients();
        var batch = rows.shape[1];
        var flat = rows.reshape(-1);
        var input = data.TrainFeatures.index_select(0, flat).view(Count, batch, -1);
        var logits = network.Forward(input, running);
        var losses = loss.PerRow(logits.view(Count * batch, -1), data.TrainLabels.index_select(0, flat))
            .view(Count, batch)
            .mean([1]);
        losses.mul(controls.LossWeights).sum().backward();
        var l1 = L1Plan.For(plan.L1Mode, controls.AnyLambda);
        if (l1.AddsGradient)
        {
            // lambda_k · sign(w) added to each trial's own slice, as TrialRun adds it (0 for an ended or refitting trial)
            network.AddL1Gradient(controls.Lambdas, plan.IncludeBiases);
        }
        refit.MaskGradients();
        optimizer.Step(controls.LearningRates, l1.Proximal ? controls.ProximalScales : null);
        if (l1.ShrinksGroups)
        {
            network.ShrinkGroups(controls.ProximalScales, plan.L1Groups);
        }
        refit.Reapply();
        using var rowCount = batch.ToScalar();
        using var one = 1.0.ToScalar();
        lossSums.add_(losses.detach().mul(rowCount), one);
    }

    /// <summary>All trials on the validation split at once, in large no-grad chunks.</summary>
    private PackEvaluation Evaluate() => data.Target is null ? EvaluateClassifiers() : EvaluateRegression(data.Target.Std);

    private PackEvaluation EvaluateClassifiers()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var rows = data.ValidationRows;
        var chunk = Math.Max(256, EvaluationRowsPerChunk / Count);
        var lossSums = new double[Count];
        var correct = new long[Count];
        for (long start = 0; start < rows; start += chunk)
        {
            using var chunkScope = torch.NewDisposeScope();
            var length = Math.Min(chunk, rows - start);
            var labels = data.ValidationLabels.narrow(0, start, length);
            var logits = network.ForwardShared(data.ValidationFeatures.narrow(0, start, length));
            var losses = nn.functional.cross_entropy(logits.reshape(Count * length, -1), labels.repeat(Count), reduction: nn.Reduction.None)
                .view(Count, length)
                .sum([1]);
            var hits = logits.argmax(2).eq(labels.unsqueeze(0)).sum([1]);
            Accumulate(lossSums, losses.cpu().data<float>().Select(v => (double)v));
            Accumulate(correct, hits.cpu().data<long>());
        }
        return new PackEvaluation([.. lossSums.Zip(correct, (sum, hits) => new EvaluationResult(sum / rows, (double)hits / rows))]);
    }

    private PackEvaluation EvaluateRegression(double std)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var scale = std.ToScalar();
        var rows = data.ValidationRows;
        var chunk = Math.Max(256, EvaluationRowsPerChunk / Count);
        var squared = new double[Count];
        var absolute = new double[Count];
        for (long start = 0; start < rows; start += chunk)
        {
            using var chunkScope = torch.NewDisposeScope();
            var length = Math.Min(chunk, rows - start);
            var outputs = network.ForwardShared(data.ValidationFeatures.narrow(0, start, length));
            var sums = RegressionErrors.Sums(outputs, data.ValidationLabels.narrow(0, start, length), scale);
            Accumulate(squared, sums.Squared.cpu().data<float>().Select(v => (double)v));
            Accumulate(absolute, sums.Absolute.cpu().data<float>().Select(v => (double)v));
        }
        return new PackEvaluation([.. squared.Zip(absolute,
            (sse, sae) => EvaluationResult.Of(RegressionScores.FromSums(sse, sae, data.ValidationTotalSquares, rows)))]);
    }

    /// <summary>
    /// Per running trial, the single run's end-of-epoch rules (<see cref="TrialProgress"/>): divergence, history, best state,
    /// the gate, the end of its phase (its last epoch or patience: the refit begins, or the trial completes). Every trial's
    /// epoch is reported before the gate is asked about any, so that the verdicts of a pack come in one round.
    /// </summary>
    private void CloseEpoch(int epoch, double[] trainLosses, PackEvaluation evaluation, Action<int, EpochRecord>? onEpoch, TrialGate? gate)
    {
        var improved = new bool[Count];
        var diverged = new bool[Count];
        var reported = new List<PackMember>(Count);
        foreach (var member in members.Where(m => m.Running))
        {
            var (trainLoss, valLoss) = (trainLosses[member.Index], evaluation.Trials[member.Index].Loss);
            if (Divergence.Reason(trainLoss, valLoss, epoch, member.Trial.Training.LearningRate) is { } reason)
            {
                member.End(TrialStatus.Diverged, reason, clock.Elapsed.TotalSeconds);
                diverged[member.Index] = true;
                continue;
            }
            var record = evaluation.Trials[member.Index].ToRecord(epoch, trainLoss, refit: member.Refitting);
            improved[member.Index] = member.Record(record);
            onEpoch?.Invoke(member.Index, record);
            reported.Add(member);
        }
        var refitting = new List<PackMember>();
        foreach (var member in reported)
        {
            switch (member.Conclude(epoch, () => gate?.Invoke(member.Index, epoch) != false))
            {
                case EpochOutcome.StoppedEarly:
                    member.End(TrialStatus.StoppedEarly, Trainer.TrialRun.StoppedEarlyReason(epoch), clock.Elapsed.TotalSeconds);
                    break;
                case EpochOutcome.Completed:
                    member.End(TrialStatus.Completed, null, clock.Elapsed.TotalSeconds);
                    break;
                case EpochOutcome.Refit:
                    refitting.Add(member);
                    break;
            }
        }
        if (improved.Any(i => i))
        {
            using var mask = TrialMask(improved);
            best.Save(mask);
        }
        if (refitting.Count > 0)
        {
            // After the best state is saved, as TrialRun's refit does: from the best regularized epoch, only the unselected
            // weights frozen, with a fresh optimizer state.
            using var mask = TrialMask(members.Select(m => refitting.Contains(m)).ToArray());
            best.Restore(mask);
            foreach (var member in refitting)
            {
                refit.Freeze(member.Index, member.Trial.Training);
            }
            optimizer.RestartSlices(mask);
        }
        if (diverged.Any(d => d))
        {
            // NaN survives multiplication by 0: zero the diverged slices so that they feed only finite numbers from now on.
            using var mask = TrialMask(diverged);
            network.ZeroSlices(mask);
            optimizer.ResetSlices(mask);
        }
        RefreshControls();
    }

    private void EndRunning(TrialStatus status, string? reason)
    {
        foreach (var member in members.Where(m => m.Running))
        {
            member.End(status, reason, clock.Elapsed.TotalSeconds);
        }
        RefreshControls();
    }

    private void RefreshControls()
    {
        controls.Dispose();
        controls = PackControls.For(members, device);
    }

    private TrialResult Finish(PackMember member)
    {
        if (member.Best is null)
        {
            return new TrialResult(member.Trial.Id, member.Status!.Value, member.Reason, null, member.History);
        }
        using var scope = torch.NewDisposeScope();
        var sparsity = SparsityMeter.Measure(best.Of(member.Index), member.Trial.Training.SparsityThreshold, data.FeatureNames);
        var metrics = TrialMetricsBuilder.From(member.Best, sparsity, network.ParameterCount, member.History.Count, member.Seconds, data.TrainRows);
        var model = Trainer.ModelExport.From([.. best.Of(member.Index).Zip(best.BiasesOf(member.Index))], data, member.Trial);
        return new TrialResult(member.Trial.Id, member.Status!.Value, member.Reason, metrics, member.History, Model: model);
    }

    private Tensor TrialMask(bool[] trials) => torch.tensor(trials, [Count, 1, 1], device: device);

    private static void Accumulate(double[] totals, IEnumerable<double> values)
    {
        var k = 0;
        foreach (var value in values)
        {
            totals[k++] += value;
        }
    }

    private static void Accumulate(long[] totals, IEnumerable<long> values)
    {
        var k = 0;
        foreach (var value in values)
        {
            totals[k++] += value;
        }
    }

    private static void EnsureCompatible(IReadOnlyList<TrialSpec> trials)
    {
        if (trials.Count == 0)
        {
            throw new ArgumentException("a pack needs at least one trial", nameof(trials));
        }
        var key = PackKey.For(trials[0]);
        foreach (var trial in trials.Skip(1))
        {
            var differences = key.DifferencesFrom(PackKey.For(trial));
            if (differences.Count > 0)
            {
                throw new ArgumentException($"trials {trials[0].Id} and {trial.Id} cannot share a pack: they differ in {string.Join(", ", differences)}", nameof(trials));
            }
        }
    }

    private static PackedOptimizer CreateOptimizer(TrainingSettings plan, PackedNetwork network) =>
        OptimizerChoice.Create<PackedOptimizer>(plan, network.Layers.Select(l => (l.Weight, l.Bias)),
            sgd: p => new PackedSgd(p, plan.Momentum),
            adam: p => new PackedAdam(p));

    public void Dispose()
    {
        controls.Dispose();
        loss.Dispose();
        refit.Dispose();
        best.Dispose();
        optimizer.Dispose();
        network.Dispose();
        foreach (var random in randoms)
        {
            random.Dispose();
        }
    }
}
