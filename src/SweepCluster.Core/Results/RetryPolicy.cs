namespace SweepCluster.Core.Results;

/// <summary>
/// Which failed attempts the coordinator runs again: transient failures, up to the attempt limit; a deterministic
/// failure (bad data, bad configuration) would fail the same way anywhere, so it is final at its first attempt.
/// </summary>
public static class RetryPolicy
{
    /// <summary>
    /// A failure whose producer gave no kind (a trainer that does not say, a result from before kinds existed) is
    /// transient: it is retried as every failure was before, and the leaderboard and log say so.
    /// </summary>
    public static TrialResult WithKind(TrialResult result) =>
        result is { Status: TrialStatus.Failed, FailureKind: null } ? result with { FailureKind = TrialFailureKind.Transient } : result;

    public static bool Retries(TrialResult result, int attempt, int maxAttempts) =>
        result.Status == TrialStatus.Failed && result.FailureKind != TrialFailureKind.Deterministic && attempt < maxAttempts;

    /// <summary>
    /// The attempt limit a failed attempt is logged with. Readers of the log (monitor) take Attempt = MaxAttempts as
    /// "failed for good"; a deterministic failure is final at whatever attempt it happens, so its limit is that attempt.
    /// </summary>
    public static int LoggedMaxAttempts(TrialResult result, int attempt, int maxAttempts) =>
        result.FailureKind == TrialFailureKind.Deterministic ? attempt : maxAttempts;

    /// <summary>The kind as results files and log properties write it: "deterministic", "transient", or "" when none.</summary>
    public static string KindText(TrialFailureKind? kind) => kind?.ToString().ToLowerInvariant() ?? "";
}
