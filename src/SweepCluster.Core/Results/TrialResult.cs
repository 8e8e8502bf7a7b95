namespace SweepCluster.Core.Results;

/// <summary>
/// The outcome of one trial. <paramref name="Metrics"/> is null when the trial produced none
/// (it failed before its first epoch). <paramref name="Reason"/> explains any status but Completed.
/// </summary>
public sealed record TrialResult(
    string TrialId,
    TrialStatus Status,
    string? Reason,
    TrialMetrics? Metrics,
    IReadOnlyList<EpochRecord> History,
    string Worker = "",
    string Node = "");
