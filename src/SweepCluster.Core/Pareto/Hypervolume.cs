namespace SweepCluster.Core.Pareto;

/// <summary>
/// The exact hypervolume dominated by a set of points (all objectives minimised) and bounded by a reference point,
/// for 2 objectives (a sweep of the staircase) and 3 (slices along the third objective, each a 2-D staircase).
/// Points not strictly better than the reference on every objective add nothing.
/// </summary>
public static class Hypervolume
{
    public static double Of(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var inside = points.Where(p => p.Select((v, k) => v < reference[k]).All(b => b)).ToList();
        return reference.Count switch
        {
            2 => Area(inside, reference),
            3 => Volume(inside, reference),
            _ => throw new ArgumentException($"Hypervolume takes 2 or 3 objectives, not {reference.Count}."),
        };
    }

    private static double Area(IEnumerable<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var area = 0.0;
        var ceiling = reference[1];
        foreach (var p in points.OrderBy(p => p[0]).ThenBy(p => p[1]))
        {
            if (p[1] >= ceiling)
                continue;
            area += (reference[0] - p[0]) * (ceiling - p[1]);
            ceiling = p[1];
        }
        return area;
    }

    private static double Volume(List<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var sorted = points.OrderBy(p => p[2]).ToList();
        var volume = 0.0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var top = i + 1 < sorted.Count ? sorted[i + 1][2] : reference[2];
            volume += Area(sorted.Take(i + 1), reference) * (top - sorted[i][2]);
        }
        return volume;
    }
}
