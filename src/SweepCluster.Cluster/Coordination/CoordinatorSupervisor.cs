using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Monitoring;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The coordinator's parent, with an explicit strategy: a coordinator that throws is stopped and a new one started
/// (it recovers from the journal and results.jsonl), up to <see cref="MaxRestarts"/> times; then it publishes
/// <see cref="CoordinatorFailed"/> so that its host ends with an error instead of waiting forever. Every other message is
/// forwarded to the current coordinator, sender kept. A new coordinator has a new address, so the workers, which watch
/// the one that acknowledged them, see it go, register again and ask for work (an in-place restart would keep the old
/// address and leave the workers parked in a queue the restart forgot).
/// </summary>
public sealed class CoordinatorSupervisor : ReceiveActor
{
    public const int MaxRestarts = 3;

    private readonly Props coordinatorProps;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private IActorRef coordinator;
    private int generation;
    private string lastFailure = "stopped";

    public CoordinatorSupervisor(Props coordinatorProps)
    {
        this.coordinatorProps = coordinatorProps;
        coordinator = StartCoordinator();
        Receive<Terminated>(OnTerminated);
        ReceiveAny(message => coordinator.Forward(message));
    }

    public static Props Props(Props coordinatorProps) => Akka.Actor.Props.Create(() => new CoordinatorSupervisor(coordinatorProps));

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decider.From(failure =>
    {
        lastFailure = $"{failure.GetType().Name}: {failure.Message}";
        return Directive.Stop;
    }));

    private IActorRef StartCoordinator()
    {
        var child = Context.ActorOf(coordinatorProps, $"coordinator-{++generation}");
        Context.Watch(child);
        return child;
    }

    private void OnTerminated(Terminated message)
    {
        if (!message.ActorRef.Equals(coordinator))
        {
            return;
        }
        if (generation > MaxRestarts)
        {
            var reason = $"the coordinator failed {generation} times; last: {lastFailure}";
            log.Error(EventTemplates.CoordinatorGaveUp, reason);
            Context.System.EventStream.Publish(new CoordinatorFailed(reason));
            Context.Stop(Self);
            return;
        }
        log.Warning(EventTemplates.CoordinatorReplaced, lastFailure, generation, MaxRestarts);
        coordinator = StartCoordinator();
    }
}
