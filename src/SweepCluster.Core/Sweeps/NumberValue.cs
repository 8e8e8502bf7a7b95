namespace SweepCluster.Core.Sweeps;

/// <summary>A numeric parameter value; integer parameters (epochs, batch_size, …) hold whole numbers.</summary>
public sealed record NumberValue(double Value) : ParameterValue;
