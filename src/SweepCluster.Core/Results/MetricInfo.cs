using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// One metric a sweep may rank by: its name (as in results.jsonl and the sweep file), which way is better, the task it
/// belongs to (null: both), how to read it from a trial's metrics and, for a metric reported after every epoch (the only
/// ones an early-stopping scheduler can follow), from an epoch's record. A value is null where the trial has none (a
/// regression metric of a classification trial, a line written before the metric existed).
/// </summary>
public sealed record MetricInfo(
    string Name,
    MetricGoal Goal,
    SweepTask? Task,
    Func<TrialMetrics, double?> OfTrial,
    Func<EpochRecord, double?>? OfEpoch = null)
{
    public bool PerEpoch => OfEpoch is not null;

    public bool AppliesTo(SweepTask task) => Task is null || Task == task;

    /// <summary>The property name of log events (val_loss → ValLoss), as Serilog and <c>monitor</c> read it.</summary>
    public string Property => string.Concat(Name.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));
}
