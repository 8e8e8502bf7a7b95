namespace SweepCluster.Core.Pareto;

/// <summary>
/// NSGA-II's crowding distance of the points of one front (all objectives minimised): the boundary points of each
/// objective are infinite, the others add the gap between their neighbours divided by the objective's range; an
/// objective whose range is zero adds nothing (it cannot tell the points apart).
/// </summary>
public static class CrowdingDistance
{
    public static double[] Of(IReadOnlyList<IReadOnlyList<double>> front)
    {
        var distance = new double[front.Count];
        if (front.Count == 0)
            return distance;
        for (var k = 0; k < front[0].Count; k++)
            AddObjective(front, k, distance);
        return distance;
    }

    private static void AddObjective(IReadOnlyList<IReadOnlyList<double>> front, int k, double[] distance)
    {
        // A stable sort by value, then index, so that duplicates get the same distances on every run.
        var order = Enumerable.Range(0, front.Count).OrderBy(i => front[i][k]).ThenBy(i => i).ToArray();
        var range = front[order[^1]][k] - front[order[0]][k];
        distance[order[0]] = double.PositiveInfinity;
        distance[order[^1]] = double.PositiveInfinity;
        if (range <= 0)
            return;
        for (var r = 1; r < order.Length - 1; r++)
            distance[order[r]] += (front[order[r + 1]][k] - front[order[r - 1]][k]) / range;
    }
}
