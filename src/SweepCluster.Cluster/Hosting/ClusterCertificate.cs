using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Cluster.Hosting;

/// <summary>Loads the cluster's certificate: a PKCS#12 (.pfx/.p12) file with its private key.</summary>
public static class ClusterCertificate
{
    /// <exception cref="ClusterCertificateException">
    /// The file is missing or unreadable, is not PKCS#12, the password is wrong, or it holds no private key; the
    /// message is one line naming the file.
    /// </exception>
    public static ClusterTls Load(string path, string? password)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ClusterCertificateException($"--tls-cert: {full} does not exist");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
        }
        catch (CryptographicException e)
        {
            var why = e.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? "the password is wrong (--tls-password, SWEEPCLUSTER_TLS_PASSWORD or --tls-password-file)"
                : $"it is not a PKCS#12 certificate with its key ({FirstLine(e.Message)})";
            throw new ClusterCertificateException($"--tls-cert: cannot read {full}: {why}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClusterCertificateException($"--tls-cert: cannot read {full}: {FirstLine(e.Message)}");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ClusterCertificateException($"--tls-cert: {full} holds no private key; export the certificate with its key (PKCS#12), e.g. with scripts/make-cluster-cert.sh");
        }
        return new ClusterTls(certificate, full);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
