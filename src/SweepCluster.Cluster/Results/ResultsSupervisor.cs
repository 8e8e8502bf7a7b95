using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Monitoring;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// The results actor's parent, so that its end is never silent. Without it a results actor that cannot start (a damaged
/// line in results.jsonl, a file it may not open, a full disk) stopped unseen, and the coordinator, waiting in Syncing
/// for its answer, kept the command running for ever. Every message is forwarded to the results actor, sender kept, so
/// this actor's reference is the results actor's for everyone else. A failure while handling a message restarts it (it
/// reopens results.jsonl and keeps every result in it), at most <see cref="MaxRestarts"/> times a minute; a failure to
/// start, or one restart too many, stops it, and then <see cref="ResultsFailed"/> is published on the event stream with
/// the reason (for a damaged file: the file and the line), for the host to end the command.
/// </summary>
public sealed class ResultsSupervisor : ReceiveActor
{
    public const int MaxRestarts = 3;

    private const int RestartWindowMs = 60_000;

    private readonly IActorRef results;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private Exception? lastFailure;

    public ResultsSupervisor(Props resultsProps)
    {
        results = Context.ActorOf(resultsProps, "results");
        Context.Watch(results);
        Receive<Terminated>(message => message.ActorRef.Equals(results), _ => OnResultsStopped());
        ReceiveAny(message => results.Forward(message));
    }

    public static Props Props(Props resultsProps) => Akka.Actor.Props.Create(() => new ResultsSupervisor(resultsProps));

    // The default decisions (stop on a failure to start, else restart), with a bound on restarts: a disk that refuses
    // every append would otherwise restart the actor for ever while results are lost. Logged here, in one line each,
    // instead of Akka's stack trace on the console: the reason (the file and line) is what a person acts on.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(MaxRestarts, RestartWindowMs, Decider.From(failure =>
    {
        lastFailure = failure;
        if (failure is ActorInitializationException)
        {
            return Directive.Stop;
        }
        log.Warning(EventTemplates.ResultsActorRestarted, Failure(failure).Reason);
        return Directive.Restart;
    }), loggingEnabled: false);

    private void OnResultsStopped()
    {
        var failure = Failure(lastFailure);
        log.Error(EventTemplates.ResultsActorStopped, failure.Reason);
        Context.System.EventStream.Publish(failure);
        Context.Stop(Self);
    }

    /// <summary>What a host is told: the innermost reason (Akka wraps a failure to start), and whether it is the file's content.</summary>
    public static ResultsFailed Failure(Exception? failure)
    {
        var cause = failure;
        while (cause is ActorInitializationException { InnerException: { } inner })
        {
            cause = inner;
        }
        return cause is null
            ? new ResultsFailed("the results actor stopped", BadData: false)
            : new ResultsFailed(cause.Message, BadData: cause is InvalidDataException);
    }
}
