using System.CommandLine;
using Serilog;
using SweepCluster.Cli.Devices;
using SweepCluster.Cli.Logging;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster worker --seeds akka.tcp://sweepcluster@H:P</c>: a worker node. It joins the cluster (waiting
/// for the coordinator if it is not up yet), trains trials with one worker actor per device slot (<c>--devices</c>,
/// <c>--slots-per-device</c>), and exits 0 when
/// the sweep is over, the coordinator leaves, it has had no coordinator for <c>--idle-exit</c> seconds, or on
/// SIGTERM/SIGINT (after handing its trials back). With <c>--tls-cert</c> it speaks mutual TLS with the cluster's certificate.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var node = new NodeOptions();
        var slots = new SlotOptions();
        var idleExit = new Option<double?>("--idle-exit")
        {
            Description = "Seconds without a coordinator after which the worker exits 0 (env SWEEPCLUSTER_IDLE_EXIT; default 600; 0: wait however long the coordinator takes; a worker always ends with its sweep).",
        };
        var command = new Command("worker", "Run a worker node: join the cluster's seeds and train the coordinator's trials until the sweep is over.");
        foreach (var option in slots.All().Concat(node.All()).Append(idleExit))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, _) =>
        {
            var env = EnvironmentSettings.Process;
            try
            {
                return await RunAsync(node, result, env, slots.Resolve(result, env), result.GetValue(idleExit) ?? env.Number("IDLE_EXIT"));
            }
            catch (Exception e) when (e is FormatException or ClusterCertificateException)
            {
                // a SWEEPCLUSTER_* variable that does not parse; a certificate that cannot be used
                Console.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>
    /// Unique per process, for log files and results: host name and pid. In a container every node is pid 1 and,
    /// with host networking, shares the host's name, so there a random suffix stands in for the pid.
    /// </summary>
    private static string NodeName() => Environment.ProcessId == 1
        ? $"{Environment.MachineName}-worker-{Guid.NewGuid().ToString("N")[..8]}"
        : $"{Environment.MachineName}-worker-{Environment.ProcessId}";

    private static async Task<int> RunAsync(NodeOptions node, ParseResult result, EnvironmentSettings env, SlotSettings slotSettings, double? idleExitSeconds)
    {
        var host = node.ResolveHost(result, env);
        var port = node.ResolvePort(result, env, 0);
        var seeds = node.ResolveSeeds(result, env);
        var tls = node.ResolveTls(result, env);
        var problems = NodeOptions.Problems(port, seeds, tls is not null).ToList();
        if (seeds.Count == 0)
        {
            problems.Add("--seeds: a worker needs the coordinator's address, e.g. --seeds akka.tcp://sweepcluster@127.0.0.1:4053 (or SWEEPCLUSTER_SEEDS)");
        }
        if (idleExitSeconds is < 0 or double.NaN)
        {
            problems.Add($"--idle-exit: seconds, 0 or more (0: wait forever); got {idleExitSeconds}");
        }
        problems.AddRange(slotSettings.Problems());
        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }
        if (DeviceCheck.TryResolve(slotSettings.Devices, Console.Error, out var exitCode) is not { } devices)
        {
            return exitCode;
        }
        var nodeName = NodeName();
        Log.Logger = LoggingSetup.Create(node.ResolveLogDirectory(result, env), nodeName);
        try
        {
            using var slots = new WorkerSlots(devices, slotSettings);
            using var signals = new StopSignals("the worker node hands its trials back and leaves the cluster");
            var cluster = new ClusterNodeOptions(host, port, [.. seeds.Select(s => ClusterNodeOptions.WithScheme(s, tls is not null))], [AkkaConfig.WorkerRole],
                node.ResolveFailureDetection(result, env), Tls: tls);
            var options = new WorkerNodeOptions(cluster, nodeName, IdleExit: IdleExit.FromSeconds(idleExitSeconds));
            var exit = await WorkerNode.RunAsync(slots.Slots, options, signals.Token);
            Log.Information("Worker node {Node} done: {Reason}", nodeName, exit);
            return ExitCodes.Success;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
