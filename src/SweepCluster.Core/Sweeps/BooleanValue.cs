namespace SweepCluster.Core.Sweeps;

/// <summary>A true/false parameter value, such as <c>include_biases</c>.</summary>
public sealed record BooleanValue(bool Value) : ParameterValue;
