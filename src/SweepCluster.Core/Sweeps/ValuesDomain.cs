namespace SweepCluster.Core.Sweeps;

/// <summary><c>values: [...]</c>: an explicit list, the only domain grid search accepts.</summary>
public sealed record ValuesDomain(IReadOnlyList<ParameterValue> Values) : ParameterDomain
{
    public override string Key => "values";
}
