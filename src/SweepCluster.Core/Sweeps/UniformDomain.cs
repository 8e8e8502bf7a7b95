namespace SweepCluster.Core.Sweeps;

/// <summary>
/// <c>uniform: [low, high]</c>: uniform on [low, high). With <paramref name="Q"/>, values are rounded
/// to the nearest multiple of Q that lies within [low, high].
/// </summary>
public sealed record UniformDomain(double Low, double High, double? Q = null) : ParameterDomain
{
    public override string Key => "uniform";
}
