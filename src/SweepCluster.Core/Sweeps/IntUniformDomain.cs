namespace SweepCluster.Core.Sweeps;

/// <summary>
/// <c>int_uniform: [low, high]</c>: integers low, low+Q, … up to high (both ends inclusive), equally likely.
/// <paramref name="Q"/> defaults to 1.
/// </summary>
public sealed record IntUniformDomain(long Low, long High, long Q = 1) : ParameterDomain
{
    public override string Key => "int_uniform";

    public long Count => (High - Low) / Q + 1;
}
