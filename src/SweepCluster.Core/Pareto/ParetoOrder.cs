namespace SweepCluster.Core.Pareto;

/// <summary>
/// The leaderboard's order with several objectives (all minimised): by front, then crowding distance descending
/// (NSGA-II), then the first objective, then the index so equal points keep a stable order. Points without values
/// (failed trials) come after every front.
/// </summary>
public static class ParetoOrder
{
    public static int[] Of(IReadOnlyList<IReadOnlyList<double>?> points) => Place(points).Order;

    /// <summary>The order, and each point's front and crowding distance (null for a point without values), from one sort.</summary>
    public static ParetoPlacement Place(IReadOnlyList<IReadOnlyList<double>?> points)
    {
        var ranked = Enumerable.Range(0, points.Count).Where(i => points[i] is not null).ToList();
        var values = ranked.Select(i => points[i]!).ToList();
        var fronts = ParetoSorting.Fronts(values);
        var crowding = new double[values.Count];
        foreach (var front in Enumerable.Range(0, values.Count).GroupBy(j => fronts[j]))
        {
            var members = front.ToList();
            var distance = CrowdingDistance.Of(members.Select(j => values[j]).ToList());
            for (var m = 0; m < members.Count; m++)
                crowding[members[m]] = distance[m];
        }
        var order = Enumerable.Range(0, values.Count)
            .OrderBy(j => fronts[j]).ThenByDescending(j => crowding[j]).ThenBy(j => values[j][0]).ThenBy(j => ranked[j])
            .Select(j => ranked[j]);
        var frontOf = new int?[points.Count];
        var crowdingOf = new double?[points.Count];
        for (var j = 0; j < ranked.Count; j++)
        {
            frontOf[ranked[j]] = fronts[j];
            crowdingOf[ranked[j]] = crowding[j];
        }
        return new ParetoPlacement([.. order.Concat(Enumerable.Range(0, points.Count).Where(i => points[i] is null))], frontOf, crowdingOf);
    }
}
