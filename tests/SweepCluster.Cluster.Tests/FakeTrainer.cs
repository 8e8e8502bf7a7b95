using System.Collections.Concurrent;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// A scriptable trainer: by default it completes at once with a val_loss derived from the index. It counts
/// calls per trial, can throw or return a given result, and can block a trial until released or cancelled.
/// </summary>
internal sealed class FakeTrainer : ITrialTrainer
{
    private readonly ConcurrentDictionary<string, int> calls = new();

    public Func<TrialSpec, Exception?> Throw { get; init; } = _ => null;

    /// <summary>A result to return instead of training (a failure the trainer finds itself), or null to train.</summary>
    public Func<TrialSpec, TrialResult?> Returns { get; init; } = _ => null;

    public Func<TrialSpec, bool> Blocks { get; init; } = _ => false;

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public ManualResetEventSlim Release { get; } = new(false);

    public ConcurrentQueue<string> Started { get; } = new();

    public int CallsFor(string trialId) => calls.GetValueOrDefault(trialId);

    public int TotalCalls => calls.Values.Sum();

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation)
    {
        calls.AddOrUpdate(trial.Id, 1, (_, n) => n + 1);
        Started.Enqueue(trial.Id);
        if (Throw(trial) is { } error)
        {
            throw error;
        }
        if (Returns(trial) is { } result)
        {
            return result;
        }
        if (Blocks(trial))
        {
            Release.Wait(cancellation);
        }
        if (Delay > TimeSpan.Zero)
        {
            cancellation.WaitHandle.WaitOne(Delay);
        }
        var loss = 1.0 + trial.Index;
        onEpoch?.Invoke(new EpochRecord(1, loss, loss, 0.5));
        return new TrialResult(trial.Id, TrialStatus.Completed, null, Metrics(loss), [new EpochRecord(1, loss, loss, 0.5)]);
    }

    public static TrialMetrics Metrics(double valLoss, double sparsity = 0.5, long parameters = 100) =>
        new(valLoss, 0.5, valLoss, 1, sparsity, 0, [], 3, parameters, 1, 1, 0.01, 1000);
}
