using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs the coordinator side of a cluster sweep in this process: the results actor (resuming results.jsonl),
/// the coordinator as a cluster singleton on the coordinator role, and a proxy to it (what it shares with <c>run</c>
/// is <see cref="SweepHostCore"/> and <see cref="ProgressLoop"/>). Returns when the sweep
/// is over (then the node leaves the cluster and the workers go home) or when <c>stop</c> is cancelled (the
/// node leaves; the journal lets a later run resume).
/// </summary>
public static class CoordinatorNode
{
    public const string SingletonName = "coordinator";

    /// <returns>How the sweep ended, or null when this node stopped waiting for it: <c>stop</c> was cancelled, or the node
    /// left the cluster by itself (downed).</returns>
    public static async Task<SweepEnd?> RunAsync(
        ITrialSource trials,
        CoordinatorNodeOptions options,
        CancellationToken stop,
        IProgress<SweepStatus>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var system = ActorSystem.Create(AkkaConfig.SystemName, AkkaConfig.ClusterSetup(options.Node, options.Journal));
        try
        {
            // The singleton runs here (the only coordinator-role node): its end is heard on this node's event stream.
            var host = SweepHostCore.Start(system, trials,
                new SweepHostSettings(options.OutputDirectory, Resume: true, options.MaxRetries, options.KeepModels, options.DefinitionHash), clock);
            system.ActorOf(NetworkFaultReporter.Props(new NetworkFaultNarrator(NodeRole.Coordinator, options.Node.Seeds, options.Node.FailureDetection, options.Node.Tls is not null),
                new LineThrottle(WorkerNode.ConsoleLineInterval, TimeProvider.System)), "network-faults");
            system.ActorOf(ClusterSingletonManager.Props(host.CoordinatorProps(), PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system).WithRole(AkkaConfig.CoordinatorRole).WithSingletonName(SingletonName)), SingletonName);
            var coordinator = WorkerNode.CoordinatorProxy(system);
            using var leaving = CancellationTokenSource.CreateLinkedTokenSource(stop);
            // The workers are on other nodes: the counts are all this node reports.
            var progressLoop = new ProgressLoop(coordinator, host.Results, [], progress, null, options.ProgressInterval ?? HostTimeouts.CoordinatorProgressInterval)
                .RunAsync(host.Ended, host.Completed, leaving.Token);
            var first = await Task.WhenAny(host.Ended, Task.Delay(Timeout.Infinite, stop), system.WhenTerminated);
            if (first != host.Ended)
            {
                await leaving.CancelAsync();
                await progressLoop;
                return null;
            }
            await progressLoop;
            return await host.EndAsync();
        }
        finally
        {
            // Leaving (rather than vanishing) tells the workers that the sweep's coordinator is gone for good.
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
            await system.WhenTerminated;
        }
    }
}
