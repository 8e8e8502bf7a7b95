namespace SweepCluster.Core.Pareto;

/// <summary>
/// Hypervolume reference points (all objectives minimised). <see cref="FromWorst"/>: the leaderboard's when the sweep
/// file gives none: on each objective the worst value seen plus 10 % of the values' range, or, where the range is zero,
/// plus 10 % of |worst| (1 when worst is 0), so that the worst points still add a volume. <see cref="PastWorst"/>: the
/// one multi-objective TPE cuts a front with, as Optuna does.
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

    /// <summary>
    /// The reference point Optuna's TPESampler cuts a front with (<c>_get_reference_point</c>, Optuna 5.0): on each
    /// objective the worst value moved 10 % of itself further from the best, <c>max(1.1·worst, 0.9·worst)</c>, and
    /// 10⁻¹² where that is 0. The values are not normalised: an objective of larger scale weighs more in the volume.
    /// </summary>
    public static double[] PastWorst(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var reference = new double[points[0].Count];
        for (var k = 0; k < reference.Length; k++)
        {
            var worst = points.Max(p => p[k]);
            var moved = Math.Max(1.1 * worst, 0.9 * worst);
            reference[k] = moved == 0 ? 1e-12 : moved;
        }
        return reference;
    }

    /// <summary>One objective's coordinate of the reference, from the worst and best values seen on it.</summary>
    private static double Beyond(double worst, double best)
    {
        var range = worst - best;
        var margin = range > 0 ? 0.1 * range : worst != 0 ? 0.1 * Math.Abs(worst) : 1.0;
        return worst + margin;
    }
}
