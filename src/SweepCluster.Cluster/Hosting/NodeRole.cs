namespace SweepCluster.Cluster.Hosting;

/// <summary>What a cluster node is there for: it decides what an expected network fault means to it.</summary>
public enum NodeRole
{
    Coordinator,
    Worker,
}
