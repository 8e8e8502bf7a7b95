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
    private readonly IReadOnlyList<(MetricInfo Info, MetricGoal Goal)> measures =
        [.. objectives.Select(o => (MetricTable.Get(o.Name), o.Goal))];

    public IReadOnlyList<MetricSpec> Objectives { get; } = objectives;

    public IReadOnlyList<RankedEntry> Rank(IReadOnlyList<RankedEntry> rows)
    {
        var ranked = rows.Where(row => row.Rank is not null).ToList();
        var points = ranked.Select(Point).ToList();
        var places = Places(points);
        var reordered = new List<RankedEntry>(rows.Count);
        var rank = 0;
        foreach (var i in ParetoOrder.Of(points))
        {
            reordered.Add(ranked[i] with { Rank = ++rank, Pareto = places[i] });
        }
        reordered.AddRange(rows.Where(row => row.Rank is null));
        return reordered;
    }

    /// <summary>The row's objectives, each turned to be minimised (a maximised one negated); null when one is missing or not finite.</summary>
    private IReadOnlyList<double>? Point(RankedEntry row)
    {
        if (row.Entry.Result.Metrics is not { } metrics)
        {
            return null;
        }
        var point = new double[measures.Count];
        for (var k = 0; k < measures.Count; k++)
        {
            var (info, goal) = measures[k];
            if (info.OfTrial(metrics) is not { } value || !double.IsFinite(value))
            {
                return null;
            }
            point[k] = goal == MetricGoal.Minimize ? value : -value;
        }
        return point;
    }

    private static ParetoPlace?[] Places(IReadOnlyList<IReadOnlyList<double>?> points)
    {
        var valued = Enumerable.Range(0, points.Count).Where(i => points[i] is not null).ToList();
        var fronts = ParetoSorting.Fronts([.. valued.Select(i => points[i]!)]);
        var places = new ParetoPlace?[points.Count];
        foreach (var front in Enumerable.Range(0, valued.Count).GroupBy(j => fronts[j]))
        {
            var members = front.ToList();
            var crowding = CrowdingDistance.Of([.. members.Select(j => points[valued[j]]!)]);
            for (var m = 0; m < members.Count; m++)
            {
                places[valued[members[m]]] = new ParetoPlace(front.Key, crowding[m]);
            }
        }
        return places;
    }
}
