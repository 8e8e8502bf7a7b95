namespace SweepCluster.Core.Sweeps;

/// <summary>One typed value a parameter can take: a number, a word, a flag or a list of integers (widths).</summary>
public abstract record ParameterValue;
