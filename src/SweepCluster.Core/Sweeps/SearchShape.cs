namespace SweepCluster.Core.Sweeps;

/// <summary>What the search checks need to know of a sweep, available even when other parts of the file are wrong.</summary>
internal sealed record SearchShape(SearchMethod Method, long? Trials, long MaxTrials, IReadOnlyList<ParameterSpec> Parameters);
