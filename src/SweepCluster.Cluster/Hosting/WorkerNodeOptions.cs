namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A worker node: its cluster settings, the node name stamped into results and logs, how often an unacknowledged
/// worker registers again, and how long it waits without a coordinator (<paramref name="IdleExit"/>, default
/// <see cref="Hosting.IdleExit.Default"/>). Its workers are its slots, one per device slot.
/// </summary>
public sealed record WorkerNodeOptions(ClusterNodeOptions Node, string NodeName, TimeSpan? RegisterInterval = null, IdleExit? IdleExit = null)
{
    public IdleExit Idle => IdleExit ?? Hosting.IdleExit.Default;
}
