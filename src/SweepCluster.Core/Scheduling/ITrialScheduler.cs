namespace SweepCluster.Core.Scheduling;

/// <summary>
/// An early-stopping rule across trials (ASHA, Hyperband, median stopping): one file per rule, the way Optuna keeps one
/// module per pruner. The coordinator reports every epoch of every trial; at the trial's decision epochs the worker waits
/// for the answer. Deterministic: the same reports in the same order give the same decisions, so a resumed coordinator
/// replays the journaled reports (those <see cref="Records"/> says change the state) and decides as before. A report of
/// an epoch the scheduler has already seen for that trial (a re-run after a worker died) gets the same decision again
/// and changes nothing. Values are the sweep metric as reported; the scheduler knows the goal.
/// </summary>
public interface ITrialScheduler
{
    /// <summary>The epochs (ascending, each below the sweep's epochs) after which trial <paramref name="index"/> waits for a decision.</summary>
    IReadOnlyList<int> DecisionEpochs(long index);

    /// <summary>Whether a report of <paramref name="epoch"/> for trial <paramref name="index"/> changes the state (the coordinator journals those).</summary>
    bool Records(long index, int epoch);

    /// <summary>Takes trial <paramref name="index"/>'s value after <paramref name="epoch"/> and decides whether it goes on.</summary>
    SchedulerDecision Report(long index, int epoch, double value);
}
