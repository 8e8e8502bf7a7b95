namespace SweepCluster.Cluster.Hosting;

/// <summary>Why a worker node ended: the coordinator said the sweep is over, the coordinator left the cluster, or this process was asked to stop.</summary>
public enum WorkerNodeExit
{
    SweepOver,
    CoordinatorLeft,
    Stopped,
}
