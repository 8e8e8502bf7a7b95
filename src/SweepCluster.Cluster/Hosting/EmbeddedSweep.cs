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
/// Runs a whole sweep in this process: one actor system with the results actor, the coordinator (under a
/// <see cref="CoordinatorSupervisor"/>) and one worker per slot, each training on its slot's device. Cancelling
/// <c>stop</c> stops handing out trials and interrupts the running ones (or, without <see cref="EmbeddedSweepOptions.InterruptOnStop"/>,
/// lets them finish); the files stay valid and the call returns. With a journal (<see cref="EmbeddedSweepOptions.Journal"/>)
/// the sweep resumes what its output folder holds, as the cluster coordinator does; a journal of another definition
/// ends the call with a <see cref="SweepRefusedException"/> before any trial.
/// <c>progress</c> gets the counts each interval; <c>details</c>, when given, also the workers' trials and the leaderboard.
/// Nothing waits unboundedly: the end of the sweep is heard on the event stream (a coordinator that failed and was
/// replaced still publishes it), every ask has a timeout, and a coordinator that fails for good ends the call with a
/// <see cref="SweepFailedException"/>. So does a results actor that stops for good (<see cref="ResultsSupervisor"/>), or,
/// when results.jsonl holds a damaged line, a <see cref="SweepRefusedException"/> naming it.
/// </summary>
public static class EmbeddedSweep
{
    /// <summary>How often a worker repeats its registration until a (new) coordinator acknowledges it.</summary>
    private static readonly TimeSpan RegisterInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Starts and stops a bare actor system on a pool thread, so that the one-off start-up of Akka in this process (its
    /// code compiled, its configuration parsed) overlaps what a command does before its sweep starts, such as loading
    /// libtorch (best effort: a real start reports any problem).
    /// </summary>
    public static void StartWarmUp() => _ = Task.Run(async () =>
    {
        try
        {
            using var system = ActorSystem.Create("warm-up", AkkaConfig.WarmUp());
            await system.Terminate();
        }
        catch (Exception)
        {
            // the sweep's own actor system reports whatever this one met
        }
    });

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
        var system = ActorSystem.Create("sweepcluster", AkkaConfig.Embedded(options.LogLevel, options.Journal));
        try
        {
            var completed = EventListening.Listen<SweepCompleted>(system, "completion-listener");
            var failed = EventListening.Listen<CoordinatorFailed>(system, "failure-listener");
            var refused = EventListening.Listen<SweepRefused>(system, "refusal-listener");
            var resultsFailed = EventListening.Listen<ResultsFailed>(system, "results-failure-listener");
            var results = system.ActorOf(ResultsSupervisor.Props(ResultsActor.Props(new ResultsSettings(paths, trials.Metric, trials.SweptParameters, Resume: options.Resumes,
                SweepName: trials.SweepName, ParameterSpecs: trials.ParameterSpecs, KeepModels: options.KeepModels, DefinitionHash: options.DefinitionHash, Repeats: trials.Repeats))), "results");
            var coordinator = system.ActorOf(CoordinatorSupervisor.Props(
                CoordinatorActor.Props(trials, results, new CoordinatorSettings(options.MaxRetries, options.DefinitionHash, KeepModels: options.KeepModels))), "coordinator");
            var workers = slots
                .Select((slot, i) => system.ActorOf(WorkerActor.Props(coordinator, slot.Trainer,
                    new WorkerSettings($"{node}/worker-{i}", node, Device: slot.Device, NodeSlots: slots.Count, RegisterInterval: RegisterInterval)),
                    $"worker-{i}"))
                .ToList();
            await using var onStop = stop.Register(() => coordinator.Tell(new StopSweep(InterruptRunning: options.InterruptOnStop)));
            var ended = Task.WhenAny(completed, failed, refused, resultsFailed);
            var reporter = new ProgressReporter(coordinator, results, workers, progress, details);
            await reporter.RunAsync(ended, completed, options.ProgressInterval ?? TimeSpan.FromSeconds(1));
            if (await ended == failed)
            {
                throw new SweepFailedException((await failed).Reason);
            }
            if (await ended == refused)
            {
                throw new SweepRefusedException((await refused).Reason);
            }
            if (await ended == resultsFailed)
            {
                var failure = await resultsFailed;
                throw failure.BadData ? new SweepRefusedException(failure.Reason) : new SweepFailedException(failure.Reason);
            }
            var summary = (await completed).Summary;
            var snapshot = await results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, HostTimeouts.Flush);
            return new SweepOutcome(summary.SweepId, summary.Total, summary.Done, summary.Failed, summary.Interrupted,
                summary.NotRun, summary.Stopped, snapshot.Rows, paths, clock.Elapsed, summary.StoppedEarly);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
