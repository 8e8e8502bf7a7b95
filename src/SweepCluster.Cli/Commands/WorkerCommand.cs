using System.CommandLine;
using Serilog;
using SweepCluster.Cli.Logging;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Training.Native;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster worker --seeds akka.tcp://sweepcluster@H:P</c>: a worker node. It joins the cluster (waiting
/// for the coordinator if it is not up yet), trains trials with <c>--workers</c> worker actors, and exits 0 when
/// the sweep is over, the coordinator leaves, or on SIGTERM/SIGINT (after handing its trials back).
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var node = new NodeOptions();
        var workers = new Option<int?>("--workers") { Description = "Worker actors (trials at once) on this node (env SWEEPCLUSTER_WORKERS; default: cores / threads-per-worker)." };
        var threads = new Option<int?>("--threads-per-worker") { Description = "Torch threads per worker (env SWEEPCLUSTER_THREADS_PER_WORKER; default 1)." };
        var command = new Command("worker", "Run a worker node: join the cluster's seeds and train the coordinator's trials until the sweep is over.")
        {
            workers, threads,
        };
        foreach (var option in node.All())
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, _) =>
        {
            var env = EnvironmentSettings.Process;
            try
            {
                var threadsPerWorker = result.GetValue(threads) ?? env.Integer("THREADS_PER_WORKER") ?? 1;
                var count = result.GetValue(workers) ?? env.Integer("WORKERS") ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, threadsPerWorker));
                return await RunAsync(node, result, env, count, threadsPerWorker);
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

    private static async Task<int> RunAsync(NodeOptions node, ParseResult result, EnvironmentSettings env, int workers, int threadsPerWorker)
    {
        var host = node.ResolveHost(result, env);
        var port = node.ResolvePort(result, env, 0);
        var seeds = node.ResolveSeeds(result, env);
        var problems = NodeOptions.Problems(port, seeds).ToList();
        if (seeds.Count == 0)
        {
            problems.Add("--seeds: a worker needs the coordinator's address, e.g. --seeds akka.tcp://sweepcluster@127.0.0.1:4053 (or SWEEPCLUSTER_SEEDS)");
        }
        if (workers < 1 || threadsPerWorker < 1)
        {
            problems.Add($"--workers and --threads-per-worker: must be at least 1 (got {workers}, {threadsPerWorker})");
        }
        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }
        var nodeName = NodeName();
        Log.Logger = LoggingSetup.Create(node.ResolveLogDirectory(result, env), nodeName);
        try
        {
            TorchRuntime.EnsureLoaded();
            using var trainer = new TorchTrialTrainer(new TrainerOptions(threadsPerWorker));
            using var signals = new StopSignals("the worker node hands its trials back and leaves the cluster");
            var options = new WorkerNodeOptions(new ClusterNodeOptions(host, port, seeds, [AkkaConfig.WorkerRole], node.ResolveFailureDetection(result, env)), workers, nodeName);
            var exit = await WorkerNode.RunAsync(trainer, options, signals.Token);
            Log.Information("Worker node {Node} done: {Reason}", nodeName, exit);
            return ExitCodes.Success;
        }
        catch (NativeRuntimeException e)
        {
            Log.Error("{Problem}", e.Message);
            return ExitCodes.TrialsFailed;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
