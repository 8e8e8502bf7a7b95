namespace SweepCluster.Core.Monitoring;

/// <summary>The mutable per-worker state <see cref="SweepMonitor"/> folds events into.</summary>
internal sealed class WorkerState(string name)
{
    public string Name { get; } = name;
    public string? Node { get; set; }
    public string? Device { get; set; }
    public string? TrialId { get; set; }
    public DateTimeOffset? FirstStart { get; set; }
    public DateTimeOffset? LastEnd { get; set; }
    public int TrialsFinished { get; set; }
    public double? SamplesPerSecond { get; set; }
}
