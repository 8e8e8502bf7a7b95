using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Trains one trial. Blocking: callers run it off any actor's thread. Reports each epoch through
/// <paramref name="onEpoch"/>, checks <paramref name="cancellation"/> between steps (a cancelled trial
/// ends as <see cref="TrialStatus.Interrupted"/>), and reports divergence and bad data as a result,
/// not an exception.
/// </summary>
public interface ITrialTrainer
{
    TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation);
}
