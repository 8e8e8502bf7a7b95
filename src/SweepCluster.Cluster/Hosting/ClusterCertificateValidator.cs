using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Accepts a TLS peer only when it presents the cluster's own certificate (same SHA-256 fingerprint), on both ends
/// of a connection. The cluster's certificate is usually self-signed, so chain and host-name errors are not reasons
/// to refuse: the handshake has proved that the peer holds the certificate's private key, and that key is the
/// cluster's credential. A refusal is logged once per connection with the reason (the node's console shows it as
/// one line, see <c>NetworkFaultReporter</c>).
/// </summary>
public sealed class ClusterCertificateValidator(ClusterTls tls)
{
    public CertificateValidationCallback Callback => Accept;

    public bool Accept(X509Certificate2? certificate, X509Chain? chain, string peer, SslPolicyErrors errors, ILoggingAdapter log)
    {
        if (certificate is null)
        {
            log.Warning(EventTemplates.TlsPeerRefused, peer, "it presented no certificate");
            return false;
        }
        var fingerprint = ClusterTls.FingerprintOf(certificate);
        if (!string.Equals(fingerprint, tls.Fingerprint, StringComparison.Ordinal))
        {
            log.Warning(EventTemplates.TlsPeerRefused, peer,
                $"its certificate ({certificate.Subject}, SHA-256 {fingerprint[..16]}…) is not this cluster's ({tls.Certificate.Subject}, SHA-256 {tls.Fingerprint[..16]}…)");
            return false;
        }
        return true;
    }
}
