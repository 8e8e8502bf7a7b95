namespace SweepCluster.Training.Data;

/// <summary>Deterministic standard-normal draws (Box–Muller over a seeded <see cref="Random"/>).</summary>
internal sealed class GaussianSource(long seed)
{
    private readonly Random uniform = new(unchecked((int)(seed ^ (seed >> 32))));
    private double? spare;

    public double Next()
    {
        if (spare is { } cached)
        {
            spare = null;
            return cached;
        }
        var u1 = 1.0 - uniform.NextDouble();
        var u2 = uniform.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
