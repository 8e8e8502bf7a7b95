namespace SweepCluster.Core.Results;

/// <summary>
/// A leaderboard row: <paramref name="Rank"/> is 1-based for completed trials and null for trials that
/// produced no rankable result (diverged, failed, interrupted), which are listed after the ranked ones. In a sweep with
/// <c>repeats</c> above 1 a row is a configuration: <paramref name="Entry"/> holds the means of its rankable repeats (as
/// the ranking compares them) and <paramref name="Repeats"/> their spreads; null for a row that is one trial.
/// <paramref name="Pareto"/> is the row's front and crowding distance in a sweep with several objectives; null with one
/// objective, and for a row without a value of every objective.
/// </summary>
public sealed record RankedEntry(int? Rank, LeaderboardEntry Entry, RepeatSummary? Repeats = null, ParetoPlace? Pareto = null);
