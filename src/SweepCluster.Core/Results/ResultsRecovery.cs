namespace SweepCluster.Core.Results;

/// <summary>
/// What <see cref="ResultsJournal.Recover"/> kept of a results.jsonl: its entries, in file order, and the number of the
/// torn last line it dropped (a write cut off by a crash), or null when every line was whole.
/// </summary>
public sealed record ResultsRecovery(IReadOnlyList<LeaderboardEntry> Entries, int? TornLine);
