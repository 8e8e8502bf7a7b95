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
/// the sweep is over, the coordinator leaves, or on SIGTERM/SIGINT (after handing its trials back).
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var node = new NodeOptions();
        var slots = new SlotOptions();
        var command = new Command("worker", "Run a worker node: join the cluster's seeds and train the coordinator's trials until the sweep is over.");
        foreach (var option in slots.All().Concat(node.All()))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, _) =>
        {
            var env = EnvironmentSettings.Process;
            try
            {
                return await RunAsync(node, result, env, slots.Resolve(result, env));
            }
            catch (FormatException e)
            {
                // a SWEEPCLUSTER_* variable that does not parse
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

    private static async Task<int> RunAsync(NodeOptions node, ParseResult result, EnvironmentSettings env, SlotSettings slotSettings)
    {
        var host = node.ResolveHost(result, env);
        var port = node.ResolvePort(result, env, 0);
        var seeds = node.ResolveSeeds(result, env);
        var problems = NodeOptions.Problems(port, seeds).ToList();
        if (seeds.Count == 0)
        {
            problems.Add("--seeds: a worker needs the coordinator's address, e.g. --seeds akka.tcp://sweepcluster@127.0.0.1:4053 (or SWEEPCLUSTER_SEEDS)");
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
            var options = new WorkerNodeOptions(new ClusterNodeOptions(host, port, seeds, [AkkaConfig.WorkerRole], node.ResolveFailureDetection(result, env)), nodeName);
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
