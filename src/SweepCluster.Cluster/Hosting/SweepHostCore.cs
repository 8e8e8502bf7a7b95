using System.Diagnostics;
using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// What both sweep hosts (<see cref="EmbeddedSweep"/> for <c>run</c>, <see cref="CoordinatorNode"/>) do alike: listen on the
/// event stream for every way the sweep can end, start the results actor under its <see cref="ResultsSupervisor"/> (so that
/// its failure is one of those ends), give the coordinator its props, and turn the end into a <see cref="SweepEnd"/>,
/// flushing the leaderboard when the sweep completed. The hosts keep what differs: where the coordinator runs (a plain
/// actor or a cluster singleton), the workers, and when they stop waiting. The end is heard on the event stream, never by
/// asking an actor, because the coordinator may be replaced meanwhile and a results actor that failed never answers.
/// </summary>
public sealed class SweepHostCore
{
    private readonly ITrialSource trials;
    private readonly SweepHostSettings settings;
    private readonly Stopwatch clock;
    private readonly Task<SweepCompleted> completed;
    private readonly Task<CoordinatorFailed> coordinatorFailed;
    private readonly Task<SweepRefused> refused;
    private readonly Task<ResultsFailed> resultsFailed;
    private readonly Task<Task> firstEnd;

    private SweepHostCore(ActorSystem system, ITrialSource trials, SweepHostSettings settings, Stopwatch clock, Props resultsActor)
    {
        (this.trials, this.settings, this.clock) = (trials, settings, clock);
        // Listening starts before any actor does, so that no end slips past.
        completed = EventListening.Listen<SweepCompleted>(system, "completion-listener");
        coordinatorFailed = EventListening.Listen<CoordinatorFailed>(system, "failure-listener");
        refused = EventListening.Listen<SweepRefused>(system, "refusal-listener");
        resultsFailed = EventListening.Listen<ResultsFailed>(system, "results-failure-listener");
        firstEnd = Task.WhenAny(completed, coordinatorFailed, refused, resultsFailed);
        Results = system.ActorOf(ResultsSupervisor.Props(resultsActor), "results");
    }

    /// <summary>The results actor, as everyone else addresses it (its supervisor forwards, sender kept).</summary>
    public IActorRef Results { get; }

    /// <summary>Completes when the sweep ends in any way: completed (or stopped), refused, or failed for good.</summary>
    public Task Ended => firstEnd;

    /// <summary>Completes only when the sweep ends with its summary: only then has the coordinator a last status to give.</summary>
    public Task Completed => completed;

    /// <summary>
    /// Starts listening and the supervised results actor. <paramref name="clock"/> is the host's, started when the host
    /// began, so that the outcome's elapsed time includes the actor system's start. <paramref name="resultsActor"/>: the
    /// results actor's props; null is the real <see cref="ResultsActor"/> on <paramref name="settings"/>.
    /// </summary>
    public static SweepHostCore Start(ActorSystem system, ITrialSource trials, SweepHostSettings settings, Stopwatch clock, Props? resultsActor = null) =>
        new(system, trials, settings, clock, resultsActor ?? ResultsActor.Props(ResultsSettings(trials, settings)));

    /// <summary>The coordinator under its <see cref="CoordinatorSupervisor"/>, recording into <see cref="Results"/>; the host decides where it runs.</summary>
    public Props CoordinatorProps() =>
        CoordinatorSupervisor.Props(CoordinatorActor.Props(trials, Results,
            new CoordinatorSettings(settings.MaxRetries, settings.DefinitionHash, KeepModels: settings.KeepModels)));

    /// <summary>
    /// How the sweep ended, once <see cref="Ended"/> has completed. A completed sweep flushes the results actor first, so
    /// that the leaderboard and report on disk are the final ones, and its outcome carries the flushed leaderboard. A
    /// damaged line in results.jsonl is bad input (refused, exit 2); any other stop of the results actor is a failure.
    /// </summary>
    public async Task<SweepEnd> EndAsync()
    {
        var first = await firstEnd;
        if (first == coordinatorFailed)
        {
            return SweepEnd.Failed((await coordinatorFailed).Reason);
        }
        if (first == resultsFailed)
        {
            var failure = await resultsFailed;
            return failure.BadData ? SweepEnd.Refused(failure.Reason) : SweepEnd.Failed(failure.Reason);
        }
        if (first == refused)
        {
            return SweepEnd.Refused((await refused).Reason);
        }
        var summary = (await completed).Summary;
        var snapshot = await Results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, HostTimeouts.Flush);
        return SweepEnd.Completed(new SweepOutcome(summary, snapshot.Rows, settings.Paths, clock.Elapsed));
    }

    private static ResultsSettings ResultsSettings(ITrialSource trials, SweepHostSettings settings) =>
        new(settings.Paths, trials.Metric, trials.SweptParameters, Resume: settings.Resume, SweepName: trials.SweepName,
            ParameterSpecs: trials.ParameterSpecs, KeepModels: settings.KeepModels, DefinitionHash: settings.DefinitionHash, Repeats: trials.Repeats,
            Objectives: trials.Objectives, Reference: trials.Reference);
}
