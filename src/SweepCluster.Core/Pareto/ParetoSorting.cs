namespace SweepCluster.Core.Pareto;

/// <summary>
/// Non-dominated sorting (NSGA-II's fronts) of points whose every objective is to be minimised: callers turn a
/// maximised objective into a minimised one by negating it. Fronts are numbered from 1; equal points never dominate
/// each other, so duplicates share a front.
/// </summary>
public static class ParetoSorting
{
    /// <summary>
    /// The front of each point, 1 for the non-dominated ones, by efficient non-dominated sorting (Zhang et al.'s ENS with
    /// binary search): in lexicographic order a point can only be dominated by points before it, and the fronts holding
    /// one of its dominators form a prefix (a dominator in front k has one of its own in front k − 1, which dominates the
    /// point too), so each point goes to the first front none of whose members dominates it, found by binary search. With
    /// two objectives a front's last member decides alone (members fall on the second objective as they rise on the
    /// first), so the sort is O(N log N); with three it scans the front. It keeps no lists of whom each point dominates:
    /// the leaderboard ranks 10⁵ trials with it on every rewrite, and multi-objective TPE on every suggestion.
    /// </summary>
    public static int[] Fronts(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var order = Enumerable.Range(0, points.Count).Order(Comparer<int>.Create((a, b) => Lexicographic(points[a], points[b])));
        var members = new List<List<int>>();
        var fronts = new int[points.Count];
        foreach (var p in order)
        {
            var (low, high) = (0, members.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (DominatedByFront(points, members[middle], p))
                    low = middle + 1;
                else
                    high = middle;
            }
            if (low == members.Count)
                members.Add([]);
            members[low].Add(p);
            fronts[p] = low + 1;
        }
        return fronts;
    }

    /// <summary>Orders points by the first objective, ties by the next, and so on.</summary>
    public static int Lexicographic(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        for (var k = 0; k < a.Count; k++)
        {
            var c = a[k].CompareTo(b[k]);
            if (c != 0)
                return c;
        }
        return 0;
    }

    private static bool DominatedByFront(IReadOnlyList<IReadOnlyList<double>> points, List<int> front, int p)
    {
        if (points[p].Count == 2)
            return Dominates(points[front[^1]], points[p]);
        // Scanned from the latest member: the nearest on the first objective is the likeliest to dominate.
        for (var i = front.Count - 1; i >= 0; i--)
        {
            if (Dominates(points[front[i]], points[p]))
                return true;
        }
        return false;
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
