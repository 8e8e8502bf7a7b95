namespace SweepCluster.Core.Pareto;

/// <summary>
/// Greedy hypervolume subset selection (HSSP; Guerreiro et al., "Greedy Hypervolume Subset Selection in Low
/// Dimensions", 2016), as Optuna's <c>_solve_hssp</c> (optuna/_hypervolume/hssp.py, Optuna 5.0): from the points of one
/// front (all objectives minimised), <c>size</c> of them, each time the one that adds the most hypervolume to those
/// already taken. Greedy is within 1 − 1/e of the best subset.
/// <list type="bullet">
/// <item>Equal points count once: the candidates are the distinct points in lexicographic order (objective 1, then 2,
/// …), each standing for its first occurrence; a tie in what they add goes to the first of that order (numpy's argmax
/// over <c>np.unique</c>'s rows in Optuna).</item>
/// <item>With fewer distinct points than <c>size</c> every distinct point is taken, and the rest are the first
/// duplicates in the given order.</item>
/// <item>A reference point that is not finite takes the first <c>size</c> distinct points, as Optuna does.</item>
/// </list>
/// </summary>
public static class HypervolumeSubsetSelection
{
    /// <summary>The positions in <paramref name="front"/> of the <paramref name="size"/> points chosen, in the order chosen.</summary>
    public static int[] Greedy(IReadOnlyList<IReadOnlyList<double>> front, int size, IReadOnlyList<double> reference)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, front.Count);
        if (size == front.Count)
        {
            return [.. Enumerable.Range(0, front.Count)];
        }
        var distinct = DistinctInLexicographicOrder(front);
        if (distinct.Count < size)
        {
            var duplicates = Enumerable.Range(0, front.Count).Except(distinct).Take(size - distinct.Count);
            return [.. distinct.Concat(duplicates).Order()];
        }
        if (!reference.All(double.IsFinite))
        {
            return [.. distinct.Take(size)];
        }
        return Choose(front, distinct, size, reference);
    }

    private static int[] Choose(IReadOnlyList<IReadOnlyList<double>> front, List<int> candidates, int size, IReadOnlyList<double> reference)
    {
        var chosen = new List<int>(size);
        var taken = new List<IReadOnlyList<double>>(size + 1);
        var volume = 0.0;
        while (chosen.Count < size)
        {
            var (best, bestGain, bestVolume) = (-1, double.NegativeInfinity, 0.0);
            foreach (var candidate in candidates)
            {
                taken.Add(front[candidate]);
                var with = Hypervolume.Of(taken, reference);
                taken.RemoveAt(taken.Count - 1);
                // Strictly larger: a tie stays with the first candidate in lexicographic order.
                if (with - volume > bestGain)
                {
                    (best, bestGain, bestVolume) = (candidate, with - volume, with);
                }
            }
            if (best < 0)
            {
                // Volumes too large for a double (inf − inf): no gain compares, so take the candidates in order.
                (best, bestVolume) = (candidates[0], volume);
            }
            chosen.Add(best);
            taken.Add(front[best]);
            volume = bestVolume;
            candidates.Remove(best);
        }
        return [.. chosen];
    }

    /// <summary>The first position of each distinct point, ordered as the points are lexicographically.</summary>
    private static List<int> DistinctInLexicographicOrder(IReadOnlyList<IReadOnlyList<double>> front)
    {
        var order = Enumerable.Range(0, front.Count).ToList();
        order.Sort((a, b) => Compare(front[a], front[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return [.. order.Where((position, at) => at == 0 || Compare(front[order[at - 1]], front[position]) != 0)];
    }

    private static int Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        for (var k = 0; k < a.Count; k++)
        {
            var c = a[k].CompareTo(b[k]);
            if (c != 0)
                return c;
        }
        return 0;
    }
}
