namespace SweepCluster.Core.Search;

/// <summary>Random search: every coordinate of trial <c>index</c> drawn independently and uniformly from (seed, index).</summary>
public sealed class RandomSearch(int dimensions, long seed, long count) : ISearchStrategy
{
    private readonly RandomPoints points = new(dimensions, seed);

    public long Count { get; } = count;

    public bool Adaptive => false;

    public double[] PointFor(long index, SearchHistory history) => points.Point(index);
}
