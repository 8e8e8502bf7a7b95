namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Where a node listens (<paramref name="Port"/> 0: any free port) and whom it joins. <paramref name="Seeds"/>
/// are addresses like <c>akka.tcp://sweepcluster@127.0.0.1:4053</c>; the coordinator lists itself first.
/// </summary>
public sealed record ClusterNodeOptions(
    string Host,
    int Port,
    IReadOnlyList<string> Seeds,
    IReadOnlyList<string> Roles,
    FailureDetection FailureDetection,
    string LogLevel = "INFO")
{
    public static string SeedAddress(string host, int port) => $"akka.tcp://{AkkaConfig.SystemName}@{host}:{port}";
}
