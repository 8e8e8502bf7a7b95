namespace SweepCluster.Core.Search;

/// <summary>
/// Scrambled Sobol points. Each dimension gets a random lower-triangular binary matrix
/// (Matoušek's linear scramble) and a random digital shift, both from the seed; both keep the
/// net structure that makes Sobol points fill the cube evenly, while different seeds give
/// independent-looking point sets. Point <c>i</c> is computed directly from the Gray code of <c>i</c>.
/// </summary>
public sealed class SobolPoints : IPointSource
{
    /// <summary>Scrambling draws from its own stream so it never correlates with random search or trial seeds.</summary>
    private const ulong Stream = 3;
    private const double Scale = 1.0 / 4294967296.0;

    private readonly uint[][] _directions;
    private readonly uint[] _shifts;

    /// <param name="scramble">False gives the plain Sobol sequence (used to check the direction numbers).</param>
    public SobolPoints(int dimensions, long seed, bool scramble = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _directions = new uint[dimensions][];
        _shifts = new uint[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var plain = SobolDirections.For(d);
            var state = SplitMix64.Derive(seed, Stream, d);
            _directions[d] = scramble ? [.. plain.Select(v => LinearScramble(v, state))] : plain;
            _shifts[d] = scramble ? (uint)SplitMix64.Nth(state, 32) : 0u;
        }
    }

    public static int MaxDimensions => SobolDirections.MaxDimensions;

    /// <summary>The largest index a 32-bit Sobol sequence can address.</summary>
    public static long MaxIndex => uint.MaxValue;

    public int Dimensions { get; }

    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        var gray = (ulong)index ^ ((ulong)index >> 1);
        var point = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var x = _shifts[d];
            for (var bit = 0; gray >> bit != 0; bit++)
            {
                if (((gray >> bit) & 1) == 1)
                {
                    x ^= _directions[d][bit];
                }
            }
            point[d] = x * Scale;
        }
        return point;
    }

    /// <summary>
    /// Multiplies the digit vector of <paramref name="v"/> (most significant digit first) by a random
    /// unit lower-triangular matrix: each output digit is itself XOR a random choice of the digits above it.
    /// Because the map is linear over GF(2), scrambling the direction numbers scrambles every point.
    /// </summary>
    private static uint LinearScramble(uint v, ulong state)
    {
        uint result = 0;
        for (var row = 0; row < 32; row++)
        {
            var diagonal = 1u << (31 - row);
            var above = (uint)((0xFFFFFFFFUL << (32 - row)) & 0xFFFFFFFFUL);
            var mask = diagonal | ((uint)SplitMix64.Nth(state, row) & above);
            if ((System.Numerics.BitOperations.PopCount(mask & v) & 1) == 1)
            {
                result |= diagonal;
            }
        }
        return result;
    }
}
