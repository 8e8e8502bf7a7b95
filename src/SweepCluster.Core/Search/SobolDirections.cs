namespace SweepCluster.Core.Search;

/// <summary>
/// Joe and Kuo's primitive polynomials and initial direction numbers (the "new-joe-kuo-6.21201" set),
/// for dimensions 2 to 21; dimension 1 is the van der Corput sequence (every m_k = 1).
/// Each row is <c>s, a, m_1 … m_s</c>: degree, interior coefficients as bits, initial direction numbers.
/// </summary>
internal static class SobolDirections
{
    public const int MaxDimensions = 21;

    /// <summary>Stored as a constant span so the table is immutable data, not static state.</summary>
    private static ReadOnlySpan<byte> Table =>
    [
        1, 0, 1,
        2, 1, 1, 3,
        3, 1, 1, 3, 1,
        3, 2, 1, 1, 1,
        4, 1, 1, 1, 3, 3,
        4, 4, 1, 3, 5, 13,
        5, 2, 1, 1, 5, 5, 17,
        5, 4, 1, 1, 5, 5, 5,
        5, 7, 1, 1, 7, 11, 19,
        5, 11, 1, 1, 5, 1, 1,
        5, 13, 1, 1, 1, 3, 11,
        5, 14, 1, 3, 5, 5, 31,
        6, 1, 1, 3, 3, 9, 7, 49,
        6, 13, 1, 1, 1, 15, 21, 21,
        6, 16, 1, 3, 1, 13, 27, 49,
        6, 19, 1, 1, 1, 15, 7, 5,
        6, 22, 1, 3, 1, 15, 13, 25,
        6, 25, 1, 1, 5, 5, 19, 61,
        7, 1, 1, 3, 7, 11, 23, 15, 103,
        7, 4, 1, 3, 7, 13, 13, 15, 69,
    ];

    /// <summary>The 32 direction numbers of one dimension (0-based), as binary fractions scaled by 2^32.</summary>
    public static uint[] For(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, MaxDimensions);
        var v = new uint[32];
        if (dimension == 0)
        {
            for (var k = 0; k < 32; k++)
            {
                v[k] = 1u << (31 - k);
            }
            return v;
        }
        var (s, a, m) = Row(dimension - 1);
        for (var k = 0; k < 32; k++)
        {
            v[k] = k < s ? (uint)m[k] << (31 - k) : Recur(v, k, s, a);
        }
        return v;
    }

    /// <summary>Bratley and Fox's recurrence on the scaled direction numbers.</summary>
    private static uint Recur(uint[] v, int k, int s, int a)
    {
        var next = v[k - s] ^ (v[k - s] >> s);
        for (var j = 1; j < s; j++)
        {
            if (((a >> (s - 1 - j)) & 1) == 1)
            {
                next ^= v[k - j];
            }
        }
        return next;
    }

    private static (int S, int A, int[] M) Row(int row)
    {
        var table = Table;
        var at = 0;
        for (var r = 0; r < row; r++)
        {
            at += 2 + table[at];
        }
        int s = table[at];
        return (s, table[at + 1], [.. table.Slice(at + 2, s).ToArray().Select(b => (int)b)]);
    }
}
