namespace SweepCluster.Core.Search;

/// <summary>The standard normal distribution, as much of it as the Parzen estimators need.</summary>
internal static class Normal
{
    /// <summary>log √(2π).</summary>
    public const double LogSqrtTwoPi = 0.91893853320467274178;

    /// <summary>
    /// Φ(z), to an absolute error near 1e-15: Marsaglia's series (Evaluating the Normal Distribution, 2004),
    /// Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …), whose terms are all of one sign. Beyond |z| = 9 the tail is under
    /// 1.2e-19, so 0 or 1 is as close.
    /// </summary>
    public static double Cdf(double z)
    {
        if (z < -9)
        {
            return 0;
        }
        if (z > 9)
        {
            return 1;
        }
        double sum = z, previous = 0, term = z, square = z * z, odd = 1;
        while (sum != previous)
        {
            previous = sum;
            odd += 2;
            term *= square / odd;
            sum = previous + term;
        }
        return 0.5 + sum * Math.Exp(-0.5 * square - LogSqrtTwoPi);
    }

    /// <summary>A standard normal draw from two uniforms (Box–Muller): <paramref name="u1"/> in (0, 1], <paramref name="u2"/> in [0, 1).</summary>
    public static double FromUniforms(double u1, double u2) => Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
}
