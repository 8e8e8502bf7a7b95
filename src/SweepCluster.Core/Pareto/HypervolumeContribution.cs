namespace SweepCluster.Core.Pareto;

/// <summary>
/// Each point's exclusive hypervolume: what the set loses without it. MOTPE splits its last good front by these
/// (as Optuna's TPESampler does); a duplicated point contributes 0, since its twin covers the same volume.
/// </summary>
public static class HypervolumeContribution
{
    public static double[] Of(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var whole = Hypervolume.Of(points, reference);
        return Enumerable.Range(0, points.Count)
            .Select(i => whole - Hypervolume.Of(points.Where((_, j) => j != i).ToList(), reference))
            .ToArray();
    }
}
