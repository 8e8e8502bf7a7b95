using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Results;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs the coordinator side of a cluster sweep in this process: the results actor (resuming results.jsonl),
/// the coordinator as a cluster singleton on the coordinator role, and a proxy to it. Returns when the sweep
/// is over (then the node leaves the cluster and the workers go home) or when <c>stop</c> is cancelled (the
/// node leaves; the journal lets a later run resume).
/// </summary>
public static class CoordinatorNode
{
    public const string SingletonName = "coordinator";

    public static async Task<CoordinatorOutcome?> RunAsync(
        ITrialSource trials,
        CoordinatorNodeOptions options,
        CancellationToken stop,
        IProgress<SweepStatus>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var paths = new SweepOutputPaths(options.OutputDirectory);
        var system = ActorSystem.Create(AkkaConfig.SystemName, AkkaConfig.ClusterSetup(options.Node, options.Journal));
        try
        {
            // The singleton runs here (the only coordinator-role node): its end is heard on this node's event stream.
            var failed = EventListening.Listen<CoordinatorFailed>(system, "failure-listener");
            var completed = EventListening.Listen<SweepCompleted>(system, "completion-listener");
            var refused = EventListening.Listen<SweepRefused>(system, "refusal-listener");
            var resultsFailed = EventListening.Listen<ResultsFailed>(system, "results-failure-listener");
            system.ActorOf(NetworkFaultReporter.Props(new NetworkFaultNarrator(NodeRole.Coordinator, options.Node.Seeds, options.Node.FailureDetection, options.Node.Tls is not null),
                new LineThrottle(WorkerNode.ConsoleLineInterval, TimeProvider.System)), "network-faults");
            var results = system.ActorOf(ResultsSupervisor.Props(ResultsActor.Props(new ResultsSettings(paths, trials.Metric, trials.SweptParameters, Resume: true,
                SweepName: trials.SweepName, ParameterSpecs: trials.ParameterSpecs, KeepModels: options.KeepModels, DefinitionHash: options.DefinitionHash, Repeats: trials.Repeats))), "results");
            var settings = new CoordinatorSettings(options.MaxRetries, options.DefinitionHash, KeepModels: options.KeepModels);
            system.ActorOf(ClusterSingletonManager.Props(CoordinatorSupervisor.Props(CoordinatorActor.Props(trials, results, settings)), PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system).WithRole(AkkaConfig.CoordinatorRole).WithSingletonName(SingletonName)), SingletonName);
            var coordinator = WorkerNode.CoordinatorProxy(system);
            var completion = Task.WhenAny(completed, refused);
            var stopped = Task.Delay(Timeout.Infinite, stop);
            var progressLoop = ReportProgressAsync(coordinator, completion, progress, options.ProgressInterval ?? TimeSpan.FromSeconds(5), stop);
            var first = await Task.WhenAny(completion, stopped, system.WhenTerminated, failed, resultsFailed);
            if (first == failed)
            {
                return new CoordinatorOutcome(null, null, (await failed).Reason);
            }
            if (first == resultsFailed)
            {
                // A damaged results.jsonl is bad input, refused like another definition; a file that cannot be opened is a failure.
                var failure = await resultsFailed;
                return failure.BadData ? new CoordinatorOutcome(null, failure.Reason, null) : new CoordinatorOutcome(null, null, failure.Reason);
            }
            if (first != completion)
            {
                return null;
            }
            await progressLoop;
            if (await completion == refused)
            {
                return new CoordinatorOutcome(null, (await refused).Reason, null);
            }
            var summary = (await completed).Summary;
            var snapshot = await results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, HostTimeouts.Flush);
            return new CoordinatorOutcome(new SweepOutcome(summary.SweepId, summary.Total, summary.Done, summary.Failed, summary.Interrupted,
                summary.NotRun, summary.Stopped, snapshot.Rows, paths, clock.Elapsed, summary.StoppedEarly), null, null);
        }
        finally
        {
            // Leaving (rather than vanishing) tells the workers that the sweep's coordinator is gone for good.
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
            await system.WhenTerminated;
        }
    }

    private static async Task ReportProgressAsync(IActorRef coordinator, Task completion, IProgress<SweepStatus>? progress, TimeSpan interval, CancellationToken stop)
    {
        if (progress is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        while (!completion.IsCompleted && !stop.IsCancellationRequested)
        {
            try
            {
                progress.Report(await coordinator.Ask<SweepStatus>(GetSweepStatus.Instance, interval));
            }
            catch (AskTimeoutException)
            {
                // the singleton is not up yet (joining, recovering): nothing to report this time
            }
            await Task.WhenAny(completion, timer.WaitForNextTickAsync(stop).AsTask());
        }
    }
}
