namespace SweepCluster.Core.Scheduling;

/// <summary>
/// A multiset of keys (see <see cref="MetricOrder"/>) kept sorted by binary insertion: counting the keys at or below a
/// key is O(log n), adding one O(n) (a block move), the median O(1). No NaN: keys are finite or +∞.
/// </summary>
internal sealed class SortedKeys
{
    private readonly List<double> keys = [];

    public int Count => keys.Count;

    /// <summary>How many keys are at most <paramref name="key"/> (better than or equal to it).</summary>
    public int CountAtMost(double key)
    {
        var (low, high) = (0, keys.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (keys[middle] <= key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    public void Add(double key) => keys.Insert(CountAtMost(key), key);

    /// <summary>The middle key, or the mean of the two middle keys for an even count (as numpy's median); needs Count &gt; 0.</summary>
    public double Median()
    {
        var half = keys.Count / 2;
        return keys.Count % 2 == 1 ? keys[half] : (keys[half - 1] / 2) + (keys[half] / 2);
    }
}
