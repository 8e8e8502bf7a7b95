using System.CommandLine;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// The options every cluster node takes (where it listens, whom it joins, logs, failure detection), each
/// falling back to its <c>SWEEPCLUSTER_*</c> variable. Each instance belongs to one command.
/// </summary>
public sealed class NodeOptions
{
    public const string DefaultHost = "127.0.0.1";

    public Option<string?> Host { get; } = new("--host") { Description = "Address this node listens on and is reached at (env SWEEPCLUSTER_HOST; default 127.0.0.1)." };

    public Option<int?> Port { get; } = new("--port") { Description = "Port this node listens on, 0 for any free port (env SWEEPCLUSTER_PORT)." };

    public Option<string[]> Seeds { get; } = new("--seeds")
    {
        Description = "Seed nodes, e.g. akka.tcp://sweepcluster@10.0.0.5:4053 (repeatable or comma-separated; env SWEEPCLUSTER_SEEDS).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<DirectoryInfo?> LogDirectory { get; } = new("--log-dir") { Description = "Folder for this node's CLEF JSON log (env SWEEPCLUSTER_LOG_DIR)." };

    public Option<double?> HeartbeatPause { get; } = new("--heartbeat-pause")
    {
        Description = "Seconds without heartbeats before a node counts as unreachable (env SWEEPCLUSTER_HEARTBEAT_PAUSE; default 5).",
    };

    public Option<double?> StableAfter { get; } = new("--stable-after")
    {
        Description = "Seconds an unreachable node stays so before it is downed and its trials re-queued (env SWEEPCLUSTER_STABLE_AFTER; default 5).",
    };

    public Option<FileInfo?> TlsCertificate { get; } = new("--tls-cert")
    {
        Description = "The cluster's certificate, PKCS#12 (.pfx) with its key (scripts/make-cluster-cert.sh makes one): remoting runs over mutual TLS and "
            + "only nodes with the same certificate can join. The same file on every node (env SWEEPCLUSTER_TLS_CERT).",
    };

    public Option<string?> TlsPassword { get; } = new("--tls-password")
    {
        Description = "Password of the --tls-cert file (env SWEEPCLUSTER_TLS_PASSWORD; prefer the variable or --tls-password-file: arguments are visible to every user of the host).",
    };

    public Option<FileInfo?> TlsPasswordFile { get; } = new("--tls-password-file")
    {
        Description = "File holding the --tls-cert password on its first line (env SWEEPCLUSTER_TLS_PASSWORD_FILE).",
    };

    public IEnumerable<Option> All() => [Host, Port, Seeds, LogDirectory, HeartbeatPause, StableAfter, TlsCertificate, TlsPassword, TlsPasswordFile];

    public string ResolveHost(ParseResult result, EnvironmentSettings env) => result.GetValue(Host) ?? env.Text("HOST") ?? DefaultHost;

    public int ResolvePort(ParseResult result, EnvironmentSettings env, int fallback) => result.GetValue(Port) ?? env.Integer("PORT") ?? fallback;

    public IReadOnlyList<string> ResolveSeeds(ParseResult result, EnvironmentSettings env)
    {
        var given = (result.GetValue(Seeds) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return given.Count > 0 ? given : env.List("SEEDS");
    }

    public string? ResolveLogDirectory(ParseResult result, EnvironmentSettings env) => result.GetValue(LogDirectory)?.FullName ?? env.Text("LOG_DIR");

    public FailureDetection ResolveFailureDetection(ParseResult result, EnvironmentSettings env)
    {
        var pause = result.GetValue(HeartbeatPause) ?? env.Number("HEARTBEAT_PAUSE") ?? FailureDetection.Default.AcceptableHeartbeatPause.TotalSeconds;
        var stable = result.GetValue(StableAfter) ?? env.Number("STABLE_AFTER") ?? FailureDetection.Default.StableAfter.TotalSeconds;
        return FailureDetection.For(TimeSpan.FromSeconds(Math.Max(0.2, pause)), TimeSpan.FromSeconds(Math.Max(0.2, stable)));
    }

    /// <summary>
    /// The cluster's certificate, or null without <c>--tls-cert</c> (nor SWEEPCLUSTER_TLS_CERT). The password comes from
    /// <c>--tls-password</c>, SWEEPCLUSTER_TLS_PASSWORD, or the first line of <c>--tls-password-file</c> (SWEEPCLUSTER_TLS_PASSWORD_FILE).
    /// </summary>
    /// <exception cref="ClusterCertificateException">The certificate or the password file cannot be used (one line naming the file).</exception>
    public ClusterTls? ResolveTls(ParseResult result, EnvironmentSettings env)
    {
        var path = result.GetValue(TlsCertificate)?.FullName ?? env.Text("TLS_CERT");
        if (path is null)
        {
            return null;
        }
        // Arguments win over the environment: an explicit --tls-password-file beats SWEEPCLUSTER_TLS_PASSWORD.
        var password = result.GetValue(TlsPassword)
            ?? (result.GetValue(TlsPasswordFile)?.FullName is { } argumentFile ? ReadPasswordFile(argumentFile) : null)
            ?? env.Raw("TLS_PASSWORD")
            ?? (env.Text("TLS_PASSWORD_FILE") is { } environmentFile ? ReadPasswordFile(environmentFile) : null);
        return ClusterCertificate.Load(path, password);
    }

    /// <summary>Each problem with a node's address, named by option.</summary>
    public static IEnumerable<string> Problems(int port, IReadOnlyList<string> seeds, bool tls = false)
    {
        if (port is < 0 or > 65535)
        {
            yield return $"--port: must be 0..65535 (got {port})";
        }
        foreach (var seed in seeds)
        {
            if (seed.StartsWith($"{ClusterNodeOptions.TlsScheme}://{AkkaConfig.SystemName}@", StringComparison.Ordinal))
            {
                if (!tls)
                {
                    yield return $"--seeds: '{seed}' is a TLS address: this node needs the cluster's certificate (--tls-cert) to join it";
                }
            }
            else if (!seed.StartsWith($"{ClusterNodeOptions.PlainScheme}://{AkkaConfig.SystemName}@", StringComparison.Ordinal))
            {
                yield return $"--seeds: '{seed}' is not an address like akka.tcp://{AkkaConfig.SystemName}@HOST:PORT";
            }
        }
    }

    private static string ReadPasswordFile(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r') ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClusterCertificateException($"--tls-password-file: cannot read {Path.GetFullPath(path)}: {e.Message}");
        }
    }
}
