using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Serilog;
using Serilog.Events;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Monitoring;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs a worker node: joins the seeds, starts its workers against a proxy of the coordinator singleton, and
/// stays until the sweep is over, the coordinator leaves, <c>stop</c> is cancelled, or the node has had no
/// coordinator for its idle-exit time (<see cref="WorkerNodeOptions.Idle"/>). When the node is downed (the
/// coordinator crashed, or this node was cut off, so the split-brain resolver downs the side without it) or its TLS
/// handshake fails, a new session joins again and waits for the coordinator, on the same idle clock. On shutdown,
/// running trials are handed back to the coordinator (re-queued, not recorded) before the node leaves. Expected
/// network faults are one console line each (<see cref="NetworkFaultReporter"/>).
/// </summary>
public static class WorkerNode
{
    /// <summary>A fault (or the waiting line) repeats on the console at most this often.</summary>
    public static readonly TimeSpan ConsoleLineInterval = TimeSpan.FromMinutes(1);

    public static async Task<WorkerNodeExit> RunAsync(IReadOnlyList<WorkerSlot> slots, WorkerNodeOptions options, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Count, 1, nameof(slots));
        var watch = new WorkerNodeWatch(options.NodeName, options.Node.Seeds, new CoordinatorAbsence(options.Idle, TimeProvider.System),
            new LineThrottle(ConsoleLineInterval, TimeProvider.System));
        var session = 1;
        while (true)
        {
            var (exit, reason) = await RunSessionAsync(slots, options, watch, session, stop);
            if (exit is { } done)
            {
                return done;
            }
            if (watch.Absence.Expired)
            {
                LogIdleExit(options, watch.Absence);
                return WorkerNodeExit.IdleTimeout;
            }
            // a session that ends at once (a refused TLS handshake) is one line a minute, not one every 2 s
            Log.Write(watch.Throttle.Pass("rejoining|" + reason) ? LogEventLevel.Warning : LogEventLevel.Debug,
                EventTemplates.WorkerRejoining, options.NodeName, reason, watch.Absence.Outlook);
            await Task.Delay(AkkaConfig.JoinRetry, CancellationToken.None);
            session++;
        }
    }

    /// <summary>A proxy to the coordinator singleton, wherever it runs.</summary>
    public static IActorRef CoordinatorProxy(ActorSystem system) =>
        system.ActorOf(ClusterSingletonProxy.Props($"/user/{CoordinatorNode.SingletonName}",
            ClusterSingletonProxySettings.Create(system).WithRole(AkkaConfig.CoordinatorRole).WithSingletonName(CoordinatorNode.SingletonName)),
            "coordinator-proxy");

    /// <returns>How the node ended, or null (and why the session ended) when it should join again.</returns>
    private static async Task<(WorkerNodeExit? Exit, string Reason)> RunSessionAsync(IReadOnlyList<WorkerSlot> slots, WorkerNodeOptions options,
        WorkerNodeWatch watch, int session, CancellationToken stop)
    {
        var system = ActorSystem.Create(AkkaConfig.SystemName, AkkaConfig.ClusterSetup(options.Node, JournalOptions.InMemory));
        var ended = new TaskCompletionSource<WorkerNodeExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(NetworkFaultReporter.Props(
            new NetworkFaultNarrator(NodeRole.Worker, options.Node.Seeds, options.Node.FailureDetection, options.Node.Tls is not null, watch.Absence),
            watch.Throttle), "network-faults");
        system.ActorOf(WorkerNodeWatcher.Props(ended, watch), "watcher");
        var coordinator = CoordinatorProxy(system);
        var workers = slots
            .Select((slot, i) => system.ActorOf(WorkerActor.Props(coordinator, slot.Trainer,
                new WorkerSettings($"{options.NodeName}/worker-{i}", options.NodeName, RegisterInterval: options.RegisterInterval ?? HostTimeouts.RegisterInterval,
                    Device: slot.Device, NodeSlots: slots.Count)), $"worker-{i}"))
            .ToList();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hand-back-trials", () => HandBackAsync(workers));
        Log.Write(session == 1 ? LogEventLevel.Information : LogEventLevel.Debug, "Worker node {Node} started {Workers} workers ({Devices}) at {Address}, joining {Seeds}",
            options.NodeName, slots.Count, DeviceSummary(slots), Akka.Cluster.Cluster.Get(system).SelfAddress, string.Join(", ", options.Node.Seeds));
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var first = await Task.WhenAny(ended.Task, stopped, system.WhenTerminated);
        if (first == system.WhenTerminated)
        {
            return (null, WhySessionEnded(shutdown.ShutdownReason));
        }
        var exit = first == ended.Task ? await ended.Task : WorkerNodeExit.Stopped;
        if (exit == WorkerNodeExit.IdleTimeout)
        {
            LogIdleExit(options, watch.Absence);
        }
        Log.Information("Worker node {Node} leaving: {Reason}", options.NodeName, exit);
        await shutdown.Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
        await system.WhenTerminated;
        return (exit, exit.ToString());
    }

    private static void LogIdleExit(WorkerNodeOptions options, CoordinatorAbsence absence) =>
        Log.Warning(EventTemplates.WorkerIdleExit, options.NodeName, Durations.Human(absence.AbsentFor), absence.IdleExit.ToString());

    /// <summary>Why a session's actor system shut down by itself, for the log line that says the node joins again.</summary>
    public static string WhySessionEnded(CoordinatedShutdown.Reason? reason) => reason switch
    {
        CoordinatedShutdown.ClusterDowningReason => "downed: cut off from the coordinator",
        CoordinatedShutdown.ClusterJoinUnsuccessfulReason => "could not join the seeds",
        { } other when other.GetType().Name.StartsWith("TlsHandshake", StringComparison.Ordinal) => other.ToString() ?? "TLS handshake failed",
        null => "its actor system stopped",
        { } other => other.GetType().Name,
    };

    /// <summary>E.g. "cuda:0 x2, cuda:1 x2": how many slots each device has.</summary>
    public static string DeviceSummary(IEnumerable<WorkerSlot> slots) =>
        string.Join(", ", slots.GroupBy(s => s.Device).Select(g => $"{g.Key} x{g.Count()}"));

    private static async Task<Akka.Done> HandBackAsync(IEnumerable<IActorRef> workers)
    {
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ask<TrialHandedBack>(HandBackTrial.Instance, HostTimeouts.HandBack)));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            Log.Warning("Handing back trials timed out: the coordinator re-queues them when this node is gone");
        }
        return Akka.Done.Instance;
    }
}
