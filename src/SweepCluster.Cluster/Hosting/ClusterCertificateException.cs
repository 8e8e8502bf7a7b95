namespace SweepCluster.Cluster.Hosting;

/// <summary>The cluster certificate cannot be used; the message is one line that names the file and why.</summary>
public sealed class ClusterCertificateException(string message) : Exception(message);
