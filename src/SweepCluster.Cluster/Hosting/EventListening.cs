using Akka.Actor;

namespace SweepCluster.Cluster.Hosting;

/// <summary>How a host waits for an event of its actor system without asking an actor that may be replaced meanwhile.</summary>
public static class EventListening
{
    /// <summary>A listener named <paramref name="name"/>, subscribed before this returns (so no event slips past it); its task completes with the first event.</summary>
    public static Task<T> Listen<T>(ActorSystem system, string name)
    {
        var heard = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = system.ActorOf(EventListener<T>.Props(heard), name);
        system.EventStream.Subscribe(listener, typeof(T));
        return heard.Task;
    }
}
