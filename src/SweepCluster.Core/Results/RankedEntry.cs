namespace SweepCluster.Core.Results;

/// <summary>
/// A leaderboard row: <paramref name="Rank"/> is 1-based for completed trials and null for trials that
/// produced no rankable result (diverged, failed, interrupted), which are listed after the ranked ones.
/// </summary>
public sealed record RankedEntry(int? Rank, LeaderboardEntry Entry);
