namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Where a node listens (<paramref name="Port"/> 0: any free port) and whom it joins. <paramref name="Seeds"/>
/// are addresses like <c>akka.tcp://sweepcluster@127.0.0.1:4053</c> (<c>akka.ssl.tcp://…</c> with
/// <paramref name="Tls"/>); the coordinator lists itself first. With <paramref name="Tls"/>, remoting runs over
/// mutual TLS with the cluster's certificate.
/// </summary>
public sealed record ClusterNodeOptions(
    string Host,
    int Port,
    IReadOnlyList<string> Seeds,
    IReadOnlyList<string> Roles,
    FailureDetection FailureDetection,
    string LogLevel = "INFO",
    ClusterTls? Tls = null)
{
    public const string PlainScheme = "akka.tcp";

    public const string TlsScheme = "akka.ssl.tcp";

    public static string SeedAddress(string host, int port, bool tls = false) => $"{Scheme(tls)}://{AkkaConfig.SystemName}@{host}:{port}";

    public static string Scheme(bool tls) => tls ? TlsScheme : PlainScheme;

    /// <summary>
    /// <paramref name="seed"/> with the scheme of this node's transport: Akka names a TLS address <c>akka.ssl.tcp</c>,
    /// so an <c>akka.tcp://</c> seed given to a TLS node means the same host and port over TLS. Anything else is
    /// returned as it is.
    /// </summary>
    public static string WithScheme(string seed, bool tls)
    {
        foreach (var scheme in new[] { TlsScheme, PlainScheme })
        {
            if (seed.StartsWith(scheme + "://", StringComparison.Ordinal))
            {
                return Scheme(tls) + seed[scheme.Length..];
            }
        }
        return seed;
    }
}
