namespace SweepCluster.Cluster.Coordination;

/// <summary>A registered worker's name and node, for logs.</summary>
internal sealed record WorkerInfo(string Name, string Node);
