namespace SweepCluster.Core.Pareto;

/// <summary>
/// Non-dominated sorting (NSGA-II's fronts) of points whose every objective is to be minimised: callers turn a
/// maximised objective into a minimised one by negating it. Fronts are numbered from 1; equal points never dominate
/// each other, so duplicates share a front.
/// </summary>
public static class ParetoSorting
{
    /// <summary>
    /// The front of each point, 1 for the non-dominated ones, by Deb et al.'s fast non-dominated sort: one pass over
    /// the pairs counts how many points dominate each point and lists whom each dominates (O(M·N²)); then each front is
    /// the points whose count has fallen to zero once the fronts before it are taken away. Multi-objective TPE sorts on
    /// every suggestion, so peeling fronts by rescanning (O(M·N³) at worst) would not do.
    /// </summary>
    public static int[] Fronts(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var n = points.Count;
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            dominates[i] = [];
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                CountPair(points, i, j, dominates, dominatedBy);
            }
        }
        return Peel(dominates, dominatedBy);
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

    private static void CountPair(IReadOnlyList<IReadOnlyList<double>> points, int i, int j, List<int>[] dominates, int[] dominatedBy)
    {
        if (Dominates(points[i], points[j]))
        {
            dominates[i].Add(j);
            dominatedBy[j]++;
        }
        else if (Dominates(points[j], points[i]))
        {
            dominates[j].Add(i);
            dominatedBy[i]++;
        }
    }

    /// <summary>Takes the fronts off one by one: a point joins the next front when the last of its dominators is taken.</summary>
    private static int[] Peel(List<int>[] dominates, int[] dominatedBy)
    {
        var fronts = new int[dominatedBy.Length];
        var current = Enumerable.Range(0, dominatedBy.Length).Where(i => dominatedBy[i] == 0).ToList();
        for (var front = 1; current.Count > 0; front++)
        {
            var next = new List<int>();
            foreach (var i in current)
            {
                fronts[i] = front;
                foreach (var j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                        next.Add(j);
                }
            }
            current = next;
        }
        return fronts;
    }
}
