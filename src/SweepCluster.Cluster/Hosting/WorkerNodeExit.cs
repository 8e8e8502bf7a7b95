namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Why a worker node ended: the coordinator said the sweep is over, the coordinator left the cluster, this process
/// was asked to stop, or it had no coordinator for its idle-exit time.
/// </summary>
public enum WorkerNodeExit
{
    SweepOver,
    CoordinatorLeft,
    Stopped,
    IdleTimeout,
}
