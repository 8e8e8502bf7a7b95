namespace SweepCluster.Core.Scheduling;

/// <summary>A scheduler's answer to an epoch report: go on, or stop early, with the reason a user reads in the log and the leaderboard.</summary>
public sealed record SchedulerDecision(bool Stop, string? Reason)
{
    public static SchedulerDecision GoOn { get; } = new(false, null);

    public static SchedulerDecision StopBecause(string reason) => new(true, reason);
}
