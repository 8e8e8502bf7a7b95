namespace SweepCluster.Core.Monitoring;

/// <summary>The best finished trial so far by the sweep's metric, with its swept parameters and where it trained.</summary>
public sealed record BestTrial(
    string TrialId,
    string Metric,
    double Value,
    double? ValLoss,
    double? Sparsity,
    string? Worker,
    IReadOnlyDictionary<string, string> Parameters,
    string? Device = null,
    string? Node = null);
