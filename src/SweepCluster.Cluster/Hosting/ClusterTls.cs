using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// TLS for a cluster node's remoting: <paramref name="Certificate"/> is the cluster's certificate (with its private
/// key), loaded from <paramref name="Path"/>. Every node presents it and accepts only peers that present the same one
/// (mutual TLS, pinned by <see cref="Fingerprint"/>), so holding the certificate file and its password is what lets a
/// node join. See docs/architecture.md, "Cluster nodes on a real network".
/// </summary>
public sealed record ClusterTls(X509Certificate2 Certificate, string Path)
{
    /// <summary>The SHA-256 fingerprint of the certificate, upper-case hex: what peers are pinned to.</summary>
    public string Fingerprint { get; } = FingerprintOf(Certificate);

    public static string FingerprintOf(X509Certificate Certificate) =>
        Convert.ToHexString(SHA256.HashData(Certificate.GetRawCertData()));
}
