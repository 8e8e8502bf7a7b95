namespace SweepCluster.Core.Analysis;

/// <summary>
/// How <see cref="ImportanceEvaluator"/> fits its forest. The defaults are Optuna's fANOVA evaluator's (64 trees of depth
/// up to 64, leaves of one row, bootstrap samples). <paramref name="MinimumTrials"/>: fewer ranked trials give no
/// importance (a forest of 5 points says little). <paramref name="MaxTrials"/>: above it, the forest is fitted on an even
/// sample of that many trials across the ranking, so the report of a 10⁵-trial sweep stays quick to rewrite.
/// </summary>
public sealed record ImportanceSettings(
    int Trees = 64,
    int MaxDepth = 64,
    int MinSamplesLeaf = 1,
    int MinimumTrials = 8,
    int MaxTrials = 1000,
    long Seed = 0)
{
    public static ImportanceSettings Default { get; } = new();
}
