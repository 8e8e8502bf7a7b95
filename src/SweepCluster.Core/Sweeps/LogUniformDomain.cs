namespace SweepCluster.Core.Sweeps;

/// <summary>
/// <c>log_uniform: [low, high]</c>: uniform in log space (0 &lt; low &lt; high), so every decade is equally likely.
/// With <paramref name="Q"/>, values are rounded to the nearest multiple of Q within [low, high].
/// </summary>
public sealed record LogUniformDomain(double Low, double High, double? Q = null) : ParameterDomain
{
    public override string Key => "log_uniform";
}
