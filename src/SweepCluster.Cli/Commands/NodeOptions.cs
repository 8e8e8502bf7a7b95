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

    public IEnumerable<Option> All() => [Host, Port, Seeds, LogDirectory, HeartbeatPause, StableAfter];

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

    /// <summary>Each problem with a node's address, named by option.</summary>
    public static IEnumerable<string> Problems(int port, IReadOnlyList<string> seeds)
    {
        if (port is < 0 or > 65535)
        {
            yield return $"--port: must be 0..65535 (got {port})";
        }
        foreach (var seed in seeds.Where(s => !s.StartsWith($"akka.tcp://{AkkaConfig.SystemName}@", StringComparison.Ordinal)))
        {
            yield return $"--seeds: '{seed}' is not an address like akka.tcp://{AkkaConfig.SystemName}@HOST:PORT";
        }
    }
}
