namespace SweepCluster.Core.Search;

/// <summary>
/// Stateless SplitMix64 mixing. Every random number of a sweep is a pure function of
/// (seed, stream, index), so a resumed sweep regenerates any trial without replaying the ones before it.
/// </summary>
public static class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finaliser of <c>state + golden</c>: one step of the generator, as a hash.</summary>
    public static ulong Mix(ulong state)
    {
        var z = state + Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A 64-bit value for one (seed, stream, index); distinct streams keep unrelated uses independent.</summary>
    public static ulong Derive(long seed, ulong stream, long index) =>
        Mix(Mix(Mix((ulong)seed) ^ (stream * Golden)) + (ulong)index);

    /// <summary>The <paramref name="k"/>-th value after <paramref name="state"/>, without stepping through the others.</summary>
    public static ulong Nth(ulong state, long k) => Mix(state + (ulong)(k + 1) * Golden);

    /// <summary>The top 53 bits as a double in [0, 1).</summary>
    public static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
