using System.Diagnostics;
using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs a whole sweep in this process: one actor system with the results actor, the coordinator and one
/// worker per slot, each training on its slot's device. Cancelling <c>stop</c> stops
/// handing out trials and interrupts the running ones; the files stay valid and the call returns.
/// <c>progress</c> gets the counts each interval; <c>details</c>, when given, also the workers' trials and the leaderboard.
/// </summary>
public static class EmbeddedSweep
{
    public static async Task<SweepOutcome> RunAsync(
        ITrialSource trials,
        IReadOnlyList<WorkerSlot> slots,
        EmbeddedSweepOptions options,
        CancellationToken stop,
        IProgress<SweepStatus>? progress = null,
        IProgress<SweepProgress>? details = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots.Count, 1, nameof(slots));
        var clock = Stopwatch.StartNew();
        var paths = new SweepOutputPaths(options.OutputDirectory);
        var node = string.IsNullOrWhiteSpace(options.Node) ? Environment.MachineName : options.Node;
        var system = ActorSystem.Create("sweepcluster", AkkaConfig.Embedded(options.LogLevel));
        try
        {
            var results = system.ActorOf(ResultsActor.Props(new ResultsSettings(paths, trials.Metric, trials.SweptParameters, SweepName: trials.SweepName)), "results");
            var coordinator = system.ActorOf(CoordinatorActor.Props(trials, results, new CoordinatorSettings(options.MaxRetries)), "coordinator");
            var workers = slots
                .Select((slot, i) => system.ActorOf(WorkerActor.Props(coordinator, slot.Trainer,
                    new WorkerSettings($"{node}/worker-{i}", node, Device: slot.Device, NodeSlots: slots.Count)), $"worker-{i}"))
                .ToList();
            await using var onStop = stop.Register(() => coordinator.Tell(new StopSweep(InterruptRunning: true)));
            var completion = coordinator.Ask<SweepCompleted>(AwaitCompletion.Instance, Timeout.InfiniteTimeSpan);
            var reporter = new ProgressReporter(coordinator, results, workers, progress, details);
            await reporter.RunAsync(completion, options.ProgressInterval ?? TimeSpan.FromSeconds(1));
            var summary = (await completion).Summary;
            var snapshot = await results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, Timeout.InfiniteTimeSpan);
            return new SweepOutcome(summary.SweepId, summary.Total, summary.Done, summary.Failed, summary.Interrupted,
                summary.NotRun, summary.Stopped, snapshot.Rows, paths, clock.Elapsed);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
