using SweepCluster.Cluster.Coordination;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// The fixed manifest of every <see cref="ISweepMessage"/>: what the wire and the journal store instead of a CLR
/// name, so that renaming or moving a record breaks neither a running cluster nor a stored journal (Akka.NET's
/// own cluster messages do the same). A manifest, once shipped, never changes or names another type; a new
/// message gets a new entry. The table is pinned by a test.
/// </summary>
public static class SweepManifests
{
    /// <summary>Manifest → message type. Prefixes: c coordinator protocol, w worker protocol, r results protocol, e journal event.</summary>
    public static IReadOnlyList<KeyValuePair<string, Type>> Table { get; } =
    [
        new("c.register", typeof(RegisterWorker)),
        new("c.request", typeof(RequestTrial)),
        new("c.progress", typeof(TrialProgress)),
        new("c.finished", typeof(TrialFinished)),
        new("c.get-status", typeof(GetSweepStatus)),
        new("c.stop", typeof(StopSweep)),
        new("c.await", typeof(AwaitCompletion)),
        new("c.completed", typeof(SweepCompleted)),
        new("c.refused", typeof(SweepRefused)),
        new("c.return", typeof(ReturnTrial)),
        new("c.get-stats", typeof(GetCoordinatorStats)),
        new("c.stats", typeof(CoordinatorStats)),
        new("c.status", typeof(SweepStatus)),
        new("c.summary", typeof(SweepSummary)),
        new("c.assignment-started", typeof(AssignmentStarted)),
        new("w.assign", typeof(AssignTrial)),
        new("w.assign-pack", typeof(AssignPack)),
        new("w.stop", typeof(StopTrial)),
        new("w.get-status", typeof(GetWorkerStatus)),
        new("w.registered", typeof(WorkerRegistered)),
        new("w.sweep-over", typeof(SweepOver)),
        new("w.status", typeof(Workers.WorkerStatus)),
        new("w.verdict", typeof(EpochVerdict)),
        new("r.record", typeof(RecordResult)),
        new("r.recorded", typeof(ResultRecorded)),
        new("r.get-recorded", typeof(GetRecordedTrials)),
        new("r.recorded-all", typeof(RecordedTrials)),
        new("r.get-leaderboard", typeof(GetLeaderboard)),
        new("r.flush", typeof(FlushLeaderboard)),
        new("r.leaderboard", typeof(LeaderboardSnapshot)),
        new("e.sweep-started", typeof(SweepStarted)),
        new("e.attempt-failed", typeof(AttemptFailed)),
        new("e.trial-settled", typeof(TrialSettled)),
        new("e.scheduler-reported", typeof(SchedulerReported)),
        new("e.trial-suggested", typeof(TrialSuggested)),
    ];

    /// <summary>
    /// Manifests that journals written before the fixed table still hold (the CLR name relative to
    /// <c>SweepCluster.Cluster.</c>): read, never written. Only journal events are here: messages on the wire
    /// never outlive the process that sent them.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, Type>> LegacyAliases { get; } =
    [
        new("Coordination.CoordinatorEvents+SweepStarted", typeof(SweepStarted)),
        new("Coordination.CoordinatorEvents+AttemptFailed", typeof(AttemptFailed)),
        new("Coordination.CoordinatorEvents+TrialSettled", typeof(TrialSettled)),
    ];
}
