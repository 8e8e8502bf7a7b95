using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// A sweep's state as folded from its logs at <paramref name="At"/>. <paramref name="Total"/> is null until the
/// sweep's start event is read; then <paramref name="Queued"/> = total − done − running − failed.
/// <paramref name="StoppedEarly"/>: the done trials a scheduler stopped early.
/// <paramref name="Eta"/> extrapolates the rate of settled trials since the start; null until one settles.
/// <paramref name="Kept"/>: the trials a resumed sweep kept from its earlier runs (0 for a sweep that started afresh).
/// <paramref name="Importance"/>: the parameters' importance where it was asked for (<see cref="SweepMonitor.Importance"/>), else null.
/// <paramref name="Front"/>: a multi-objective sweep's Pareto front so far; null for one objective.
/// </summary>
public sealed record MonitorSnapshot(
    string? SweepId,
    SweepState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset At,
    long? Total,
    long Done,
    long Running,
    long Queued,
    long Failed,
    string Metric,
    MetricGoal Goal,
    BestTrial? Best,
    IReadOnlyList<WorkerView> Workers,
    IReadOnlyList<FailureView> RecentFailures,
    TimeSpan? Eta,
    double? TrialsPerMinute,
    int EventsRead,
    int UnreadableLines,
    long StoppedEarly = 0,
    Analysis.ImportanceResult? Importance = null,
    long Kept = 0,
    FrontView? Front = null);
