namespace SweepCluster.Core.Pareto;

/// <summary>
/// What a multi-objective sweep has reached so far: which points are on its Pareto front (rank 1), the reference
/// point bounding the hypervolume (the sweep file's, or <see cref="ReferencePoint.FromWorst"/> of all points), and the
/// hypervolume the front dominates. The report and <c>monitor</c> both show it. Everything is in the minimised form
/// (<see cref="ObjectiveOrientation"/>).
/// </summary>
public sealed record FrontSummary(IReadOnlyList<int> Members, IReadOnlyList<double> Reference, double Hypervolume, bool ReferenceGiven)
{
    /// <param name="points">Every ranked trial's minimised objective values (2 or 3 of them).</param>
    /// <param name="reference">The minimised reference point from the sweep file, or null to derive one.</param>
    /// <returns>Null when there is no point yet.</returns>
    public static FrontSummary? Of(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double>? reference)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var members = FirstFront(points);
        IReadOnlyList<double> bound = reference ?? ReferencePoint.FromWorst(points);
        var volume = Pareto.Hypervolume.Of([.. members.Select(i => points[i])], bound);
        return new FrontSummary(members, bound, volume, reference is not null);
    }

    /// <summary>The non-dominated points (front 1 of <see cref="ParetoSorting.Fronts"/>), in index order.</summary>
    public static int[] FirstFront(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var fronts = ParetoSorting.Fronts(points);
        return [.. Enumerable.Range(0, points.Count).Where(i => fronts[i] == 1)];
    }
}
