using SweepCluster.Core.Results;

namespace SweepCluster.Core.Monitoring;

/// <summary>The mutable per-trial state <see cref="SweepMonitor"/> folds events into.</summary>
internal sealed class TrialState(string trialId)
{
    public string TrialId { get; } = trialId;
    public TrialPhase Phase { get; set; } = TrialPhase.Queued;
    public string? Worker { get; set; }
    public string? Device { get; set; }
    public string? Node { get; set; }
    public int? Epoch { get; set; }
    public int? Epochs { get; set; }
    public TrialStatus? Status { get; set; }
    public string? Reason { get; set; }
    public IReadOnlyDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>();
    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);
    public double? SamplesPerSecond { get; set; }
    public IReadOnlyList<string>? ActiveInputNames { get; set; }
    public IReadOnlyList<int>? ActiveNeurons { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsSettled => Phase is TrialPhase.Done or TrialPhase.Failed;

    public TrialView ToView() => new(TrialId, Phase, Worker, Epoch, Epochs, Status, Reason, Parameters,
        new Dictionary<string, double>(Metrics), SamplesPerSecond, StartedAt, EndedAt);
}
