using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// What <see cref="ResultsJournal.Recover"/> kept of a results.jsonl: its entries, in file order, and the number of the
/// torn last line it dropped (a write cut off by a crash), or null when every line was whole.
/// </summary>
public sealed record ResultsRecovery(IReadOnlyList<LeaderboardEntry> Entries, int? TornLine)
{
    /// <summary>
    /// Each entry's losses on <paramref name="objectives"/> as a search learns them (<see cref="ObservedLoss"/>: each
    /// minimised; null for a bad observation), in file order: what a resumed multi-objective search observes again.
    /// </summary>
    public IEnumerable<(long Index, IReadOnlyList<double>? Losses)> SearchLosses(IReadOnlyList<MetricSpec> objectives) =>
        Entries.Select(entry => (entry.Index, ObservedLoss.Of(entry.Result, objectives)));
}
