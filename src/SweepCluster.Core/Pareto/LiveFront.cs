namespace SweepCluster.Core.Pareto;

/// <summary>
/// The Pareto front of a running sweep, kept up to date one result at a time (points minimised, as
/// <see cref="ObjectiveOrientation"/> gives them): a new point joins unless a member dominates it, and drops the members
/// it dominates. A point once dominated never returns, so this is the first front of everything added, at O(front) per
/// point instead of a sort of every result. It also keeps each objective's worst and best value, for the reference point
/// of <see cref="ReferencePoint.FromWorst"/>. Keys are the trials' ids.
/// </summary>
public sealed class LiveFront<TKey>(int objectives) where TKey : notnull
{
    private readonly Dictionary<TKey, double[]> members = [];
    private readonly double[] worst = [.. Enumerable.Repeat(double.NegativeInfinity, objectives)];
    private readonly double[] best = [.. Enumerable.Repeat(double.PositiveInfinity, objectives)];

    public int Count => members.Count;

    /// <summary>How many points were added, on the front or not.</summary>
    public int Seen { get; private set; }

    public bool Contains(TKey key) => members.ContainsKey(key);

    /// <summary>Adds a result's point; true when it is on the front now.</summary>
    public bool Add(TKey key, IReadOnlyList<double> point)
    {
        if (point.Count != objectives)
        {
            throw new ArgumentException($"{point.Count} values for {objectives} objectives.", nameof(point));
        }
        Seen++;
        for (var k = 0; k < objectives; k++)
        {
            worst[k] = Math.Max(worst[k], point[k]);
            best[k] = Math.Min(best[k], point[k]);
        }
        if (members.Values.Any(m => ParetoSorting.Dominates(m, point)))
        {
            return false;
        }
        foreach (var dominated in members.Where(m => ParetoSorting.Dominates(point, m.Value)).Select(m => m.Key).ToList())
        {
            members.Remove(dominated);
        }
        members[key] = [.. point];
        return true;
    }

    /// <summary>The reference point: <paramref name="given"/> (minimised), or the worst seen plus 10 % of the range.</summary>
    public IReadOnlyList<double> Reference(IReadOnlyList<double>? given) =>
        given ?? [.. Enumerable.Range(0, objectives).Select(k => ReferencePoint.Beyond(worst[k], best[k]))];

    /// <summary>The hypervolume the front dominates up to the reference point; 0 before any point.</summary>
    public double Hypervolume(IReadOnlyList<double>? given) =>
        Seen == 0 ? 0 : Pareto.Hypervolume.Of([.. members.Values], Reference(given));
}
