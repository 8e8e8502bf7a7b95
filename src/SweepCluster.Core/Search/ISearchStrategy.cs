namespace SweepCluster.Core.Search;

/// <summary>
/// A search method (grid, random, sobol, tpe): one file per method. It places trial <c>index</c> in the unit cube
/// [0, 1)^d, one coordinate per swept parameter in file order; <see cref="DomainSampler"/> maps each coordinate to a
/// value of its domain. Non-adaptive methods ignore the history, so any trial is a pure function of (file, seed,
/// index). An adaptive method (<see cref="Adaptive"/>) reads the results so far from the history; the coordinator
/// journals each of its points before handing the trial out, and a resumed coordinator restores them.
/// </summary>
public interface ISearchStrategy
{
    /// <summary>How many trials the sweep runs.</summary>
    long Count { get; }

    /// <summary>True when <see cref="PointFor"/> depends on the history.</summary>
    bool Adaptive { get; }

    /// <summary>
    /// Where trial <paramref name="index"/> goes: a point of [0, 1)^d, one coordinate per swept parameter in file order.
    /// A non-adaptive method ignores <paramref name="history"/>; an adaptive one reads it and leaves it unchanged (the
    /// caller records the point with <see cref="SearchHistory.Suggest"/>). The same index and history give the same point.
    /// </summary>
    double[] PointFor(long index, SearchHistory history);
}
