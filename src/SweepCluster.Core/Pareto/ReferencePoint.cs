namespace SweepCluster.Core.Pareto;

/// <summary>
/// The hypervolume's reference point when the sweep file gives none: on each (minimised) objective the worst value
/// seen plus 10 % of the values' range, or, where the range is zero, plus 10 % of |worst| (1 when worst is 0), so
/// that the worst points still add a volume.
/// </summary>
public static class ReferencePoint
{
    public static double[] FromWorst(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var dimensions = points[0].Count;
        var reference = new double[dimensions];
        for (var k = 0; k < dimensions; k++)
        {
            reference[k] = Beyond(points.Max(p => p[k]), points.Min(p => p[k]));
        }
        return reference;
    }

    /// <summary>One objective's coordinate of the reference, from the worst and best values seen on it.</summary>
    public static double Beyond(double worst, double best)
    {
        var range = worst - best;
        var margin = range > 0 ? 0.1 * range : worst != 0 ? 0.1 * Math.Abs(worst) : 1.0;
        return worst + margin;
    }
}
