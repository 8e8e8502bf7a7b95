using SweepCluster.Core.Results;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// What the logs say about one trial. <paramref name="Status"/> is the result's status once known (null before the
/// worker's result event, or for a status this version does not know); <paramref name="Parameters"/> are its swept values (from the worker's
/// result event); <paramref name="Metrics"/> holds the metrics that event carries (val_loss, sparsity, …).
/// </summary>
public sealed record TrialView(
    string TrialId,
    TrialPhase Phase,
    string? Worker,
    int? Epoch,
    int? Epochs,
    TrialStatus? Status,
    string? Reason,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Metrics,
    double? SamplesPerSecond,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);
