using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>A trainer that takes no time: deterministic made-up metrics from the trial's index.</summary>
internal sealed class InstantTrainer : ITrialTrainer
{
    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation)
    {
        var loss = 1.0 / (1 + trial.Index % 997);
        var metrics = new TrialMetrics(loss, 1 - loss, loss, 10, (trial.Index % 100) / 100.0, 0, [], 5, 1000, 1, 1, 0, 0);
        return new TrialResult(trial.Id, TrialStatus.Completed, null, metrics, [new EpochRecord(1, loss, loss, 1 - loss)]);
    }
}
