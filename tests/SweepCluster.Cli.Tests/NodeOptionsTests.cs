using System.CommandLine;
using SweepCluster.Cli.Commands;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cli.Tests;

public sealed class NodeOptionsTests
{
    private static readonly EnvironmentSettings Environment = new(name => name switch
    {
        "SWEEPCLUSTER_HOST" => "node-a.example",
        "SWEEPCLUSTER_PORT" => "5000",
        "SWEEPCLUSTER_SEEDS" => "akka.tcp://sweepcluster@seed-1.example:4053, akka.tcp://sweepcluster@seed-2.example:4053",
        "SWEEPCLUSTER_STABLE_AFTER" => "2.5",
        _ => null,
    });

    private static (NodeOptions Node, Command Command) Worker()
    {
        var node = new NodeOptions();
        var command = new Command("worker");
        foreach (var option in node.All())
        {
            command.Options.Add(option);
        }
        return (node, command);
    }

    [Fact]
    public void Arguments_win_over_the_environment_which_fills_in_the_rest()
    {
        // given SWEEPCLUSTER_* variables and a command line that sets only the port
        var node = new NodeOptions();
        var command = new Command("worker");
        foreach (var option in node.All())
        {
            command.Options.Add(option);
        }

        // when the node's settings are resolved
        var result = command.Parse("--port 6000");

        // then the port comes from the argument, everything else from the environment
        Assert.Equal("node-a.example", node.ResolveHost(result, Environment));
        Assert.Equal(6000, node.ResolvePort(result, Environment, 0));
        Assert.Equal(["akka.tcp://sweepcluster@seed-1.example:4053", "akka.tcp://sweepcluster@seed-2.example:4053"], node.ResolveSeeds(result, Environment));
        Assert.Equal(TimeSpan.FromSeconds(2.5), node.ResolveFailureDetection(result, Environment).StableAfter);
    }

    [Fact]
    public void Seed_that_is_not_an_akka_address_is_reported_by_option()
    {
        Assert.Equal(["--seeds: 'seed-1:4053' is not an address like akka.tcp://sweepcluster@HOST:PORT"], NodeOptions.Problems(4053, ["seed-1:4053"]));
    }

    [Fact]
    public void Tls_seed_without_the_certificate_is_reported_and_a_plain_seed_is_fine_for_a_tls_node()
    {
        Assert.Equal(["--seeds: 'akka.ssl.tcp://sweepcluster@seed-1:4053' is a TLS address: this node needs the cluster's certificate (--tls-cert) to join it"],
            NodeOptions.Problems(4053, ["akka.ssl.tcp://sweepcluster@seed-1:4053"]));
        Assert.Empty(NodeOptions.Problems(4053, ["akka.tcp://sweepcluster@seed-1:4053", "akka.ssl.tcp://sweepcluster@seed-2:4053"], tls: true));
    }

    [Fact]
    public void A_password_file_given_as_an_argument_wins_over_a_password_in_the_environment()
    {
        // given a certificate whose password is "right", SWEEPCLUSTER_TLS_PASSWORD=wrong, and --tls-password-file holding "right"
        var folder = Directory.CreateTempSubdirectory("sweepcluster-tls-").FullName;
        try
        {
            var certificate = Path.Combine(folder, "cluster.pfx");
            using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
            {
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
                using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                File.WriteAllBytes(certificate, made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "right"));
            }
            var passwordFile = Path.Combine(folder, "password");
            File.WriteAllText(passwordFile, "right\n");
            var env = new EnvironmentSettings(name => name == "SWEEPCLUSTER_TLS_PASSWORD" ? "wrong" : null);
            var (node, command) = Worker();

            // when the node's TLS is resolved from the arguments and that environment
            var tls = node.ResolveTls(command.Parse(["--tls-cert", certificate, "--tls-password-file", passwordFile]), env);

            // then the argument's password opened the certificate
            Assert.NotNull(tls);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Certificate_and_password_file_come_from_the_environment_and_a_missing_certificate_names_the_file()
    {
        // given SWEEPCLUSTER_TLS_CERT naming a file that is not there, and a password file
        var folder = Directory.CreateTempSubdirectory("sweepcluster-tls-").FullName;
        try
        {
            var passwordFile = Path.Combine(folder, "cluster.pfx.password");
            File.WriteAllText(passwordFile, "s3cret\n");
            var env = new EnvironmentSettings(name => name switch
            {
                "SWEEPCLUSTER_TLS_CERT" => Path.Combine(folder, "cluster.pfx"),
                "SWEEPCLUSTER_TLS_PASSWORD_FILE" => passwordFile,
                _ => null,
            });
            var (node, command) = Worker();

            // when the node's TLS is resolved without arguments, and with no certificate at all
            var error = Assert.Throws<ClusterCertificateException>(() => node.ResolveTls(command.Parse(""), env));
            var none = node.ResolveTls(command.Parse(""), new EnvironmentSettings(_ => null));

            // then the certificate's path is named, and no certificate means plain TCP
            Assert.Equal($"--tls-cert: {Path.Combine(folder, "cluster.pfx")} does not exist", error.Message);
            Assert.Null(none);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Environment_value_that_does_not_parse_names_the_variable()
    {
        var env = new EnvironmentSettings(_ => "abc");
        Assert.Equal("SWEEPCLUSTER_PORT: not an integer: 'abc'", Assert.Throws<FormatException>(() => env.Integer("PORT")).Message);
    }
}
