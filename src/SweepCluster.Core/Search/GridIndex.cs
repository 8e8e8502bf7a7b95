namespace SweepCluster.Core.Search;

/// <summary>
/// Mixed-radix addressing of a grid: the last axis varies fastest, so index <c>i</c> decodes
/// to its digits directly and a huge grid is never materialised.
/// </summary>
public sealed class GridIndex
{
    private readonly int[] _sizes;

    public GridIndex(IReadOnlyList<int> sizes)
    {
        if (sizes.Any(s => s <= 0))
        {
            throw new ArgumentException("Every grid axis needs at least one value.", nameof(sizes));
        }
        _sizes = [.. sizes];
        Count = CountOf(sizes) ?? throw new OverflowException("The grid has more than long.MaxValue points.");
    }

    public long Count { get; }

    /// <summary>The product of the sizes, or null when it does not fit a long.</summary>
    public static long? CountOf(IEnumerable<int> sizes)
    {
        long count = 1;
        foreach (var size in sizes)
        {
            if (size != 0 && count > long.MaxValue / size)
            {
                return null;
            }
            count *= size;
        }
        return count;
    }

    public int[] Digits(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var digits = new int[_sizes.Length];
        for (var axis = _sizes.Length - 1; axis >= 0; axis--)
        {
            digits[axis] = (int)(index % _sizes[axis]);
            index /= _sizes[axis];
        }
        return digits;
    }
}
