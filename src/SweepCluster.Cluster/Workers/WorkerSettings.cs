namespace SweepCluster.Cluster.Workers;

/// <summary>
/// A worker's name and node, stamped into its results. <paramref name="DedicatedThread"/> trains each trial on
/// a thread of its own, so that minutes-long blocking training never holds thread-pool threads the actors need;
/// the control-plane benchmark turns it off because its trials take no time.
/// </summary>
public sealed record WorkerSettings(string Name, string Node, bool DedicatedThread = true);
