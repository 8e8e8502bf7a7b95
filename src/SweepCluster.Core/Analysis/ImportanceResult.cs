namespace SweepCluster.Core.Analysis;

/// <summary>
/// The importances of a sweep's parameters, most important first (ties by name), summing to 1. <paramref name="Method"/>
/// names how they were computed; <paramref name="Trials"/> is the ranked trials there were, <paramref name="TrialsUsed"/>
/// those the forest was fitted on (fewer past <see cref="ImportanceSettings.MaxTrials"/>).
/// </summary>
public sealed record ImportanceResult(IReadOnlyList<ParameterImportance> Ranked, string Method, int Trials, int TrialsUsed);
