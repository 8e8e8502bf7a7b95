namespace SweepCluster.Core.Search;

/// <summary>Independent uniform points; point <c>i</c> depends only on (seed, i).</summary>
public sealed class RandomPoints(int dimensions, long seed) : IPointSource
{
    private const ulong Stream = 2;

    public int Dimensions { get; } = dimensions;

    public double[] Point(long index)
    {
        var state = SplitMix64.Derive(seed, Stream, index);
        var point = new double[Dimensions];
        for (var d = 0; d < point.Length; d++)
        {
            point[d] = SplitMix64.ToUnit(SplitMix64.Nth(state, d));
        }
        return point;
    }
}
