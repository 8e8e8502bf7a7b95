using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Coordination;

/// <summary>What a coordinator is given and never changes: its sweep, settings, results actor and logs (tagged with the sweep).</summary>
internal sealed record SweepContext(string Id, ITrialSource Source, CoordinatorSettings Settings, IActorRef Results, TrialLog Trials)
{
    public ILoggingAdapter Log => Trials.Adapter;

    /// <summary>The journal's id for this sweep (the settings' own, else one made of the sweep's id).</summary>
    public string PersistenceId { get; } = Settings.PersistenceId ?? $"sweep-{Id}";

    // Metric and Goal ride along as properties so that `monitor` knows what "best" means; with several objectives, so do
    // they and the reference point, for the front `monitor` shows.
    private ILoggingAdapter SweepLog()
    {
        var log = Log.WithContext("Metric", Source.Metric.Name).WithContext("Goal", Source.Metric.Goal.ToString().ToLowerInvariant());
        if (MonitorObjectives.Format(Source.Objectives, Source.Reference) is not { } front)
        {
            return log;
        }
        log = log.WithContext(MonitorObjectives.ObjectivesProperty, front.Objectives);
        return front.Reference is { } reference ? log.WithContext(MonitorObjectives.ReferenceProperty, reference) : log;
    }

    /// <summary>The sweep starts or resumes (<paramref name="outcome"/>: what the journal and results.jsonl held), out of <paramref name="total"/> trials.</summary>
    public void LogStart(ResumeOutcome outcome, long total)
    {
        if (outcome.Missing > 0)
        {
            Log.Warning(EventTemplates.SweepResultsMissing, Id, outcome.Missing);
        }
        if (outcome.Resumed > 0)
        {
            SweepLog().Info(EventTemplates.SweepResumed, Id, outcome.Resumed, total, outcome.Adopted.Count, Settings.MaxAttempts);
        }
        else
        {
            SweepLog().Info(EventTemplates.SweepStarted, Id, total, Settings.MaxAttempts);
        }
    }
}
