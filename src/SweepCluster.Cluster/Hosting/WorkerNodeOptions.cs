namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A worker node: its cluster settings, how many worker actors (trials at once) it runs, the node name stamped
/// into results and logs, and how often an unacknowledged worker registers again.
/// </summary>
public sealed record WorkerNodeOptions(ClusterNodeOptions Node, int Workers, string NodeName, TimeSpan? RegisterInterval = null);
