using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// What a worker node's watcher keeps across the node's cluster sessions: since when it has had no coordinator, and
/// the throttle of its console lines. <paramref name="Seeds"/> are the addresses it joins (the coordinator's).
/// </summary>
public sealed record WorkerNodeWatch(string NodeName, IReadOnlyList<string> Seeds, CoordinatorAbsence Absence, LineThrottle Throttle)
{
    /// <summary>A worker without a coordinator says so once it has waited this long, then once per throttle interval.</summary>
    public static readonly TimeSpan WaitingReportAfter = TimeSpan.FromSeconds(5);
}
