using SweepCluster.Core.Scheduling;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// What the scheduler made of one epoch report: whether it keeps the report (<paramref name="Records"/>: it is journaled, so
/// that a replay rebuilds the scheduler) and, at one of the trial's decision epochs, its <paramref name="Decision"/> (the
/// worker waits for it); null elsewhere.
/// </summary>
public sealed record EpochAnswer(bool Records, SchedulerDecision? Decision);
