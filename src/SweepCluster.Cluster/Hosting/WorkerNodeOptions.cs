namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A worker node: its cluster settings, the node name stamped into results and logs, and how often an
/// unacknowledged worker registers again. Its workers are its slots, one per device slot.
/// </summary>
public sealed record WorkerNodeOptions(ClusterNodeOptions Node, string NodeName, TimeSpan? RegisterInterval = null);
