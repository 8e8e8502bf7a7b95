namespace SweepCluster.Core.Sweeps;

/// <summary>The set a swept parameter's values come from; <see cref="Key"/> is its YAML key.</summary>
public abstract record ParameterDomain
{
    public abstract string Key { get; }
}
