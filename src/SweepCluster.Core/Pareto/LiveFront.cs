namespace SweepCluster.Core.Pareto;

/// <summary>
/// The Pareto front of a running sweep, kept up to date one result at a time (points minimised, as
/// <see cref="ObjectiveOrientation"/> gives them): a new point joins unless a member dominates it, and drops the members
/// it dominates. A point once dominated never returns, so this is the first front of everything added, at O(front) per
/// point instead of a sort of every result. Keys are the trials' ids.
/// </summary>
public sealed class LiveFront<TKey>(int objectives) where TKey : notnull
{
    private readonly Dictionary<TKey, double[]> members = [];

    public int Count => members.Count;

    public bool Contains(TKey key) => members.ContainsKey(key);

    /// <summary>Adds a result's point; true when it is on the front now.</summary>
    public bool Add(TKey key, IReadOnlyList<double> point)
    {
        if (point.Count != objectives)
        {
            throw new ArgumentException($"{point.Count} values for {objectives} objectives.", nameof(point));
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
}
