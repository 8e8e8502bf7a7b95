using SweepCluster.Core.Pareto;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// Re-ranks leaderboard rows by several objectives (<see cref="ParetoOrder"/>: front, then crowding distance
/// descending, then the first objective). The rows come in the single-metric ranking's order, so that ties keep its
/// tie-breaks. Ranked rows without a value of every objective follow the fronts, still ranked; unranked rows (failed,
/// diverged) stay last, as they were. Crowding is not a comparison of two rows (it depends on the whole front), so this
/// runs over the whole board each time it is rendered, not as the sorted set's comparer.
/// </summary>
public sealed class ParetoRanking(IReadOnlyList<MetricSpec> objectives)
{
    public IReadOnlyList<MetricSpec> Objectives { get; } = objectives;

    public IReadOnlyList<RankedEntry> Rank(IReadOnlyList<RankedEntry> rows)
    {
        var ranked = rows.Where(row => row.Rank is not null).ToList();
        var points = ranked.Select(row => (IReadOnlyList<double>?)(row.Entry.Result.Metrics is { } metrics ? ObjectiveOrientation.OfTrial(metrics, Objectives) : null)).ToList();
        var placement = ParetoOrder.Place(points);
        var reordered = new List<RankedEntry>(rows.Count);
        var rank = 0;
        foreach (var i in placement.Order)
        {
            var place = placement.Front[i] is { } front ? new ParetoPlace(front, placement.Crowding[i]!.Value) : null;
            reordered.Add(ranked[i] with { Rank = ++rank, Pareto = place });
        }
        reordered.AddRange(rows.Where(row => row.Rank is null));
        return reordered;
    }
}
