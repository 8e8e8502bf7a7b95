namespace SweepCluster.Core.Search;

/// <summary>
/// Grid search: trial <c>index</c> decodes in mixed radix (the last parameter varies fastest), and digit <c>d</c> of an
/// axis of <c>n</c> values is the coordinate <c>(d + 0.5) / n</c>, the middle of its bucket, which
/// <see cref="DomainSampler"/> maps back to value <c>d</c> exactly.
/// </summary>
public sealed class GridSearch : ISearchStrategy
{
    private readonly GridIndex grid;
    private readonly int[] sizes;

    /// <param name="sizes">How many values each swept parameter lists, in file order.</param>
    /// <param name="cap">The sweep's <c>trials</c>, an optional cap on the full product.</param>
    public GridSearch(IReadOnlyList<int> sizes, long? cap = null)
    {
        grid = new GridIndex(sizes);
        this.sizes = [.. sizes];
        Count = Math.Min(grid.Count, cap ?? long.MaxValue);
    }

    public long Count { get; }

    public bool Adaptive => false;

    public double[] PointFor(long index, SearchHistory history)
    {
        var digits = grid.Digits(index);
        var point = new double[digits.Length];
        for (var axis = 0; axis < point.Length; axis++)
        {
            point[axis] = (digits[axis] + 0.5) / sizes[axis];
        }
        return point;
    }
}
