namespace SweepCluster.Core.Analysis;

/// <summary>One parameter's share of the metric's variance that its main effect explains (the shares of a sweep sum to 1).</summary>
public sealed record ParameterImportance(string Parameter, double Importance);
