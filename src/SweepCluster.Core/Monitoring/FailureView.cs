namespace SweepCluster.Core.Monitoring;

/// <summary>
/// A failed attempt or a diverged trial. <paramref name="Final"/> is true when the trial will not be
/// retried (its last attempt failed, or it diverged).
/// </summary>
public sealed record FailureView(
    DateTimeOffset Time,
    string TrialId,
    string? Worker,
    string Kind,
    int? Attempt,
    int? MaxAttempts,
    string Reason,
    bool Final);
