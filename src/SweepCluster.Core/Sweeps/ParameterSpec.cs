namespace SweepCluster.Core.Sweeps;

/// <summary>One entry of <c>parameters</c>: a swept setting, its domain, and where the file declares it (1-based).</summary>
public sealed record ParameterSpec(string Name, ParameterDomain Domain, int Line = 0, int Column = 0);
