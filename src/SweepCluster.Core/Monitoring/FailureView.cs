using SweepCluster.Core.Results;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// A failed attempt (<paramref name="Kind"/> <see cref="TrialStatus.Failed"/>) or a diverged trial (<see cref="TrialStatus.Diverged"/>). <paramref name="Final"/> is true when the trial will not be
/// retried (its last attempt failed, or it diverged).
/// </summary>
public sealed record FailureView(
    DateTimeOffset Time,
    string TrialId,
    string? Worker,
    TrialStatus Kind,
    int? Attempt,
    int? MaxAttempts,
    string Reason,
    bool Final);
