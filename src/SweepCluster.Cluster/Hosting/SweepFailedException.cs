namespace SweepCluster.Cluster.Hosting;

/// <summary>A sweep could not go on: its coordinator failed for good (see the message). The files written so far stay valid.</summary>
public sealed class SweepFailedException(string message) : Exception(message);
