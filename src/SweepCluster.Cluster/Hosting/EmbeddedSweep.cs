using System.Diagnostics;
using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Runs a whole sweep in this process: one actor system with the results actor, the coordinator (under a
/// <see cref="CoordinatorSupervisor"/>) and one worker per slot, each training on its slot's device (what it shares with the
/// coordinator node is <see cref="SweepHostCore"/> and <see cref="ProgressLoop"/>). Cancelling
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
        var node = string.IsNullOrWhiteSpace(options.Node) ? Environment.MachineName : options.Node;
        var system = ActorSystem.Create("sweepcluster", AkkaConfig.Embedded(options.LogLevel, options.Journal));
        try
        {
            var host = SweepHostCore.Start(system, trials,
                new SweepHostSettings(options.OutputDirectory, options.Resumes, options.MaxRetries, options.KeepModels, options.DefinitionHash), clock);
            var coordinator = system.ActorOf(host.CoordinatorProps(), "coordinator");
            var workers = slots
                .Select((slot, i) => system.ActorOf(WorkerActor.Props(coordinator, slot.Trainer,
                    new WorkerSettings($"{node}/worker-{i}", node, Device: slot.Device, NodeSlots: slots.Count, RegisterInterval: HostTimeouts.RegisterInterval)),
                    $"worker-{i}"))
                .ToList();
            await using var onStop = stop.Register(() => coordinator.Tell(new StopSweep(InterruptRunning: options.InterruptOnStop)));
            // A stop here is a message to the coordinator, which then ends the sweep (Stopped): the loop runs until that end.
            var reporter = new ProgressLoop(coordinator, host.Results, workers, progress, details, options.ProgressInterval ?? HostTimeouts.EmbeddedProgressInterval);
            await reporter.RunAsync(host.Ended, host.Completed, CancellationToken.None);
            return (await host.EndAsync()).OutcomeOrThrow();
        }
        finally
        {
            await system.Terminate();
        }
    }
}
