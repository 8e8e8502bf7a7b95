namespace SweepCluster.Core.Monitoring;

/// <summary>
/// The best finished trial so far by the sweep's metric, with its swept parameters, where it trained and which inputs and
/// hidden units it kept (null when its result event did not say: logs from before these were logged).
/// </summary>
public sealed record BestTrial(
    string TrialId,
    string Metric,
    double Value,
    double? ValLoss,
    double? Sparsity,
    string? Worker,
    IReadOnlyDictionary<string, string> Parameters,
    string? Device = null,
    string? Node = null,
    int? ActiveInputs = null,
    IReadOnlyList<string>? ActiveInputNames = null,
    IReadOnlyList<int>? ActiveNeurons = null);
