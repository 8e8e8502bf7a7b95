namespace SweepCluster.Core.Pareto;

/// <summary>
/// Non-dominated sorting (NSGA-II's fronts) of points whose every objective is to be minimised: callers turn a
/// maximised objective into a minimised one by negating it. Fronts are numbered from 1; equal points never dominate
/// each other, so duplicates share a front.
/// </summary>
public static class ParetoSorting
{
    /// <summary>The front of each point, 1 for the non-dominated ones.</summary>
    public static int[] Fronts(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var fronts = new int[points.Count];
        var remaining = Enumerable.Range(0, points.Count).ToList();
        // Peeling fronts one at a time is O(M·N³) at worst; a leaderboard holds at most a few thousand trials.
        for (var front = 1; remaining.Count > 0; front++)
        {
            var current = remaining.Where(i => !remaining.Any(j => Dominates(points[j], points[i]))).ToList();
            foreach (var i in current)
                fronts[i] = front;
            remaining.RemoveAll(current.Contains);
        }
        return fronts;
    }

    /// <summary>Whether <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var better = false;
        for (var k = 0; k < a.Count; k++)
        {
            if (a[k] > b[k])
                return false;
            if (a[k] < b[k])
                better = true;
        }
        return better;
    }
}
