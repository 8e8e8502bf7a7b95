namespace SweepCluster.Core.Search;

/// <summary>Sobol search: trial <c>index</c> is the index-th point of a scrambled Sobol sequence seeded by the sweep.</summary>
public sealed class SobolSearch(int dimensions, long seed, long count) : ISearchStrategy
{
    /// <summary>Null without parameters: a Sobol sequence needs at least one dimension, and every point is then empty.</summary>
    private readonly SobolPoints? points = dimensions == 0 ? null : new SobolPoints(dimensions, seed);

    public long Count { get; } = count;

    public bool Adaptive => false;

    public double[] PointFor(long index, SearchHistory history) => points?.Point(index) ?? [];
}
