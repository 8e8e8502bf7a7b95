using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Serilog;
using SweepCluster.Cluster.Workers;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs a worker node: joins the seeds, starts its workers against a proxy of the coordinator singleton, and
/// stays until the sweep is over, the coordinator leaves, or <c>stop</c> is cancelled. When the node is downed
/// (the coordinator crashed, so the split-brain resolver downs the side without it) a new session joins again
/// and waits for the coordinator to come back. On shutdown, running trials are handed back to the coordinator
/// (re-queued, not recorded) before the node leaves.
/// </summary>
public static class WorkerNode
{
    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(5);

    public static async Task<WorkerNodeExit> RunAsync(IReadOnlyList<WorkerSlot> slots, WorkerNodeOptions options, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Count, 1, nameof(slots));
        while (true)
        {
            var exit = await RunSessionAsync(slots, options, stop);
            if (exit is { } done)
            {
                return done;
            }
            Log.Warning("Worker node {Node} was removed from the cluster (coordinator unreachable); joining again", options.NodeName);
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    /// <summary>A proxy to the coordinator singleton, wherever it runs.</summary>
    public static IActorRef CoordinatorProxy(ActorSystem system) =>
        system.ActorOf(ClusterSingletonProxy.Props($"/user/{CoordinatorNode.SingletonName}",
            ClusterSingletonProxySettings.Create(system).WithRole(AkkaConfig.CoordinatorRole).WithSingletonName(CoordinatorNode.SingletonName)),
            "coordinator-proxy");

    /// <returns>How the node ended, or null when this session was downed and the node should join again.</returns>
    private static async Task<WorkerNodeExit?> RunSessionAsync(IReadOnlyList<WorkerSlot> slots, WorkerNodeOptions options, CancellationToken stop)
    {
        var system = ActorSystem.Create(AkkaConfig.SystemName, AkkaConfig.ClusterNode(options.Node, JournalOptions.InMemory));
        var ended = new TaskCompletionSource<WorkerNodeExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(WorkerNodeWatcher.Props(ended), "watcher");
        var coordinator = CoordinatorProxy(system);
        var workers = slots
            .Select((slot, i) => system.ActorOf(WorkerActor.Props(coordinator, slot.Trainer,
                new WorkerSettings($"{options.NodeName}/worker-{i}", options.NodeName, RegisterInterval: options.RegisterInterval ?? TimeSpan.FromSeconds(1),
                    Device: slot.Device, NodeSlots: slots.Count)), $"worker-{i}"))
            .ToList();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hand-back-trials", () => HandBackAsync(workers));
        Log.Information("Worker node {Node} started {Workers} workers ({Devices}) at {Address}, joining {Seeds}",
            options.NodeName, slots.Count, DeviceSummary(slots), Akka.Cluster.Cluster.Get(system).SelfAddress, string.Join(", ", options.Node.Seeds));
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var first = await Task.WhenAny(ended.Task, stopped, system.WhenTerminated);
        if (first == system.WhenTerminated)
        {
            return null;
        }
        var exit = first == ended.Task ? await ended.Task : WorkerNodeExit.Stopped;
        Log.Information("Worker node {Node} leaving: {Reason}", options.NodeName, exit);
        await shutdown.Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
        await system.WhenTerminated;
        return exit;
    }

    /// <summary>E.g. "cuda:0 x2, cuda:1 x2": how many slots each device has.</summary>
    public static string DeviceSummary(IEnumerable<WorkerSlot> slots) =>
        string.Join(", ", slots.GroupBy(s => s.Device).Select(g => $"{g.Key} x{g.Count()}"));

    private static async Task<Akka.Done> HandBackAsync(IEnumerable<IActorRef> workers)
    {
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ask<TrialHandedBack>(HandBackTrial.Instance, HandBackTimeout)));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            Log.Warning("Handing back trials timed out: the coordinator re-queues them when this node is gone");
        }
        return Akka.Done.Instance;
    }
}
