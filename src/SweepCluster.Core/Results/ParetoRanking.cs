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
        var points = ranked.Select(PointOf).ToList();
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

    /// <summary>
    /// The row's objectives, minimised; null when one is missing or not finite. A configuration's row (with repeats) uses its
    /// repeats' exact means, as the search does: its metrics round counts such as active_inputs to whole numbers, and two
    /// configurations at 4.4 and 4.0 inputs must not tie. The report draws its front from the same points.
    /// </summary>
    public IReadOnlyList<double>? PointOf(RankedEntry row)
    {
        if (row.Repeats is { } repeats)
        {
            var means = Objectives.Select(o => repeats.Of(o.Name).Mean).ToList();
            return means.All(double.IsFinite) ? ObjectiveOrientation.Minimised(means, [.. Objectives.Select(o => o.Goal)]) : null;
        }
        return row.Entry.Result.Metrics is { } metrics ? ObjectiveOrientation.OfTrial(metrics, Objectives) : null;
    }
}
