using System.Collections.Concurrent;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// A trainer whose learning curves are known: trial <c>t</c> reports <see cref="Curve"/>(t, epoch) as its val_loss after
/// each epoch, asks the gate whether to go on, and ends as stopped_early (metrics of its best epoch so far) when told
/// to stop. Trials listed by <see cref="Blocks"/> wait for <see cref="Release"/> (or cancellation) before their first epoch.
/// </summary>
internal sealed class CurveTrainer(Func<TrialSpec, int, double> curve) : ITrialTrainer
{
    public Func<TrialSpec, int, double> Curve { get; } = curve;

    public Func<TrialSpec, bool> Blocks { get; init; } = _ => false;

    public ManualResetEventSlim Release { get; } = new(false);

    public ConcurrentDictionary<string, TrialSpec> Seen { get; } = new();

    public ConcurrentQueue<string> Started { get; } = new();

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation) =>
        Train(trial, onEpoch, cancellation, null);

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate)
    {
        Seen[trial.Id] = trial;
        Started.Enqueue(trial.Id);
        if (Blocks(trial))
        {
            Release.Wait(cancellation);
        }
        var history = new List<EpochRecord>();
        var epochs = trial.Training.Epochs;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = Curve(trial, epoch);
            var record = new EpochRecord(epoch, loss, loss, 1 - loss / 10);
            history.Add(record);
            onEpoch?.Invoke(record);
            if (epoch < epochs && gate?.Invoke(0, epoch) == false)
            {
                return Result(trial, TrialStatus.StoppedEarly, history);
            }
        }
        return Result(trial, TrialStatus.Completed, history);
    }

    private static TrialResult Result(TrialSpec trial, TrialStatus status, List<EpochRecord> history)
    {
        var best = history.MinBy(e => e.ValLoss)!;
        var metrics = FakeTrainer.Metrics(best.ValLoss) with { EpochsRun = history.Count, BestEpoch = best.Epoch };
        return new TrialResult(trial.Id, status, status == TrialStatus.StoppedEarly ? "stopped by the fake" : null, metrics, history);
    }
}
