using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cluster.Tests;

public sealed class ClusterCertificateTests : IDisposable
{
    private const string Password = "s3cret";

    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-cert-").FullName;

    [Fact]
    public void Certificate_with_its_key_and_the_right_password_loads_with_its_fingerprint()
    {
        using var certificate = SelfSigned("CN=sweepcluster");
        var path = Write("cluster.pfx", certificate.Export(X509ContentType.Pfx, Password));

        var tls = ClusterCertificate.Load(path, Password);

        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificate.RawData)), tls.Fingerprint);
    }

    [Fact]
    public void Unusable_certificate_is_one_line_that_names_the_file_and_why()
    {
        // given a missing file, a wrong password, a file that is no certificate, and a certificate without its key
        using var certificate = SelfSigned("CN=sweepcluster");
        var pfx = Write("cluster.pfx", certificate.Export(X509ContentType.Pfx, Password));
        var garbage = Write("garbage.pfx", "not a certificate"u8.ToArray());
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var keyless = Write("keyless.pfx", publicOnly.Export(X509ContentType.Pfx, Password));

        // then each is refused with a message naming the file
        Assert.Equal($"--tls-cert: {Path.Combine(folder, "missing.pfx")} does not exist", Refusal(Path.Combine(folder, "missing.pfx"), Password));
        Assert.Equal($"--tls-cert: cannot read {pfx}: the password is wrong (--tls-password, SWEEPCLUSTER_TLS_PASSWORD or --tls-password-file)", Refusal(pfx, "wrong"));
        Assert.StartsWith($"--tls-cert: cannot read {garbage}: it is not a PKCS#12 certificate with its key", Refusal(garbage, Password));
        Assert.StartsWith($"--tls-cert: {keyless} holds no private key", Refusal(keyless, Password));
        Assert.All(new[] { Refusal(pfx, "wrong"), Refusal(garbage, Password) }, m => Assert.DoesNotContain('\n', m));
    }

    [Fact]
    public void Peer_is_accepted_only_with_the_clusters_own_certificate_whatever_the_chain_says()
    {
        // given the cluster's self-signed certificate and another one with the same subject
        using var own = SelfSigned("CN=sweepcluster");
        using var other = SelfSigned("CN=sweepcluster");
        var validator = new ClusterCertificateValidator(new ClusterTls(own, "cluster.pfx"));
        var log = new CapturingLog();

        // when peers present them (a self-signed certificate always comes with chain errors) or none
        var accepted = validator.Accept(own, null, "10.0.0.7:40000", SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, log);
        var refused = validator.Accept(other, null, "10.0.0.9:40000", SslPolicyErrors.RemoteCertificateChainErrors, log);
        var none = validator.Accept(null, null, "10.0.0.9:40001", SslPolicyErrors.RemoteCertificateNotAvailable, log);

        // then only the cluster's certificate gets in, and each refusal is one warning saying why
        Assert.True(accepted);
        Assert.False(refused);
        Assert.False(none);
        Assert.Equal(2, log.Warnings.Count);
        Assert.Contains("TLS connection with 10.0.0.9:40000 refused: its certificate (CN=sweepcluster, SHA-256", log.Warnings[0]);
        Assert.Contains("is not this cluster's", log.Warnings[0]);
        Assert.Equal("TLS connection with 10.0.0.9:40001 refused: it presented no certificate", log.Warnings[1]);
    }

    [Fact]
    public void Tls_node_runs_mutual_tls_pinned_to_the_cluster_certificate_and_a_plain_node_does_not()
    {
        using var certificate = SelfSigned("CN=sweepcluster");
        var node = new ClusterNodeOptions("127.0.0.1", 0, [], [AkkaConfig.WorkerRole], FailureDetection.Default);

        var plain = AkkaConfig.ClusterSetup(node, JournalOptions.InMemory);
        var tls = AkkaConfig.ClusterSetup(node with { Tls = new ClusterTls(certificate, "cluster.pfx") }, JournalOptions.InMemory);

        Assert.False(plain.Get<DotNettySslSetup>().HasValue);
        Assert.False(plain.Get<BootstrapSetup>().Value.Config.Value.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl"));
        var ssl = tls.Get<DotNettySslSetup>().Value;
        Assert.True(ssl.RequireMutualAuthentication);
        Assert.NotNull(ssl.CustomValidator);
        Assert.True(tls.Get<BootstrapSetup>().Value.Config.Value.GetBoolean("akka.remote.dot-netty.tcp.enable-ssl"));
    }

    [Theory]
    [InlineData("akka.tcp://sweepcluster@10.0.0.5:4053", true, "akka.ssl.tcp://sweepcluster@10.0.0.5:4053")]
    [InlineData("akka.ssl.tcp://sweepcluster@10.0.0.5:4053", true, "akka.ssl.tcp://sweepcluster@10.0.0.5:4053")]
    [InlineData("akka.tcp://sweepcluster@10.0.0.5:4053", false, "akka.tcp://sweepcluster@10.0.0.5:4053")]
    public void Seeds_take_the_scheme_of_the_nodes_transport(string seed, bool tls, string expected)
    {
        Assert.Equal(expected, ClusterNodeOptions.WithScheme(seed, tls));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Refusal(string path, string password) => Assert.Throws<ClusterCertificateException>(() => ClusterCertificate.Load(path, password)).Message;

    private sealed class CapturingLog() : LoggingAdapterBase(SemanticLogMessageFormatter.Instance)
    {
        public List<string> Warnings { get; } = [];

        public override bool IsDebugEnabled => true;

        public override bool IsErrorEnabled => true;

        public override bool IsInfoEnabled => true;

        public override bool IsWarningEnabled => true;

        protected override void NotifyLog(LogLevel logLevel, object message, Exception? cause = null)
        {
            if (logLevel == LogLevel.WarningLevel)
            {
                Warnings.Add(message.ToString()!);
            }
        }
    }
}
