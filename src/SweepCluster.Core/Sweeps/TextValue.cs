namespace SweepCluster.Core.Sweeps;

/// <summary>A word parameter value, such as an optimizer name (always lower case) or a device.</summary>
public sealed record TextValue(string Value) : ParameterValue;
