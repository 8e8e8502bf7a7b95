namespace SweepCluster.Cluster.Coordination;

/// <summary>A registered worker's name, node and device, for logs.</summary>
internal sealed record WorkerInfo(string Name, string Node, string Device = "");
