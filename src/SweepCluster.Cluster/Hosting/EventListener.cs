using Akka.Actor;

namespace SweepCluster.Cluster.Hosting;

/// <summary>Completes a task with the first event of type <typeparamref name="T"/> published on the actor system's event stream.</summary>
public sealed class EventListener<T> : ReceiveActor
{
    public EventListener(TaskCompletionSource<T> heard) => Receive<T>(message => heard.TrySetResult(message));

    public static Props Props(TaskCompletionSource<T> heard) => Akka.Actor.Props.Create(() => new EventListener<T>(heard));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(T));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
