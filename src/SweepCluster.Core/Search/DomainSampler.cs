using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Search;

/// <summary>Maps a coordinate u in [0, 1) to a value of a domain by the inverse of the domain's distribution.</summary>
internal static class DomainSampler
{
    public static ParameterValue Sample(ParameterDomain domain, double u, bool integral) => domain switch
    {
        ValuesDomain values => values.Values[Bucket(u, values.Values.Count)],
        UniformDomain d => Number(Quantize(d.Low + u * (d.High - d.Low), d.Low, d.High, d.Q), integral),
        LogUniformDomain d => Number(Quantize(LogScale(u, d.Low, d.High), d.Low, d.High, d.Q), integral),
        IntUniformDomain d => new NumberValue(d.Low + d.Q * Bucket(u, d.Count)),
        _ => throw new ArgumentException($"Unknown domain {domain.GetType().Name}.", nameof(domain)),
    };

    /// <summary>floor(u·n), kept below n even when rounding pushes u·n up to n: the value a coordinate picks of n listed ones.</summary>
    public static int Bucket(double u, long n) => (int)Math.Min((long)Math.Floor(u * n), n - 1);

    private static double LogScale(double u, double low, double high) =>
        Math.Exp(Math.Log(low) + u * (Math.Log(high) - Math.Log(low)));

    /// <summary>Nearest multiple of q, kept among the multiples of q that lie within [low, high].</summary>
    private static double Quantize(double x, double low, double high, double? q)
    {
        if (q is not { } step)
        {
            return x;
        }
        var first = Math.Ceiling(low / step);
        var last = Math.Floor(high / step);
        return Math.Clamp(Math.Round(x / step), first, last) * step;
    }

    /// <summary>Integer settings (epochs, batch_size, …) drawn from a continuous domain are rounded.</summary>
    private static NumberValue Number(double x, bool integral) => new(integral ? Math.Round(x) : x);
}
