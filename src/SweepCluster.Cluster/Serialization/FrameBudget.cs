using Akka.Actor;

namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// How large a message to a remote actor may be: Akka.Remote drops a message whose payload exceeds the transport's
/// <c>maximum-frame-size</c> (an error in the sender's log, nothing at the receiver). The coordinator measures an
/// assignment before it sends it to a remote worker and shrinks a pack that would not fit; a worker measures a result that
/// carries a model and sends it without the model when it would not fit. So nothing is dropped. Local actors get the
/// message as an object: no limit.
/// </summary>
public sealed class FrameBudget
{
    /// <summary>Room left for Akka's envelope around the payload (recipient and sender paths, manifests).</summary>
    private const long EnvelopeAllowance = 16 * 1024;

    private const string FrameSetting = "akka.remote.dot-netty.tcp.maximum-frame-size";

    private readonly Akka.Serialization.Serialization serialization;

    private FrameBudget(Akka.Serialization.Serialization serialization, long maxPayloadBytes)
    {
        this.serialization = serialization;
        MaxPayloadBytes = maxPayloadBytes;
    }

    /// <summary>The largest payload that crosses the network.</summary>
    public long MaxPayloadBytes { get; }

    /// <summary>The budget of <paramref name="system"/>'s remoting; null for a system without remoting (one process).</summary>
    public static FrameBudget? Of(ActorSystem system)
    {
        var config = system.Settings.Config;
        if (system is not ExtendedActorSystem { Provider: Akka.Remote.IRemoteActorRefProvider } || !config.HasPath(FrameSetting))
        {
            return null;
        }
        var frame = config.GetByteSize(FrameSetting) ?? 128000;
        return new FrameBudget(system.Serialization, frame - EnvelopeAllowance);
    }

    /// <summary>The payload size of <paramref name="message"/> as the transport would send it to <paramref name="recipient"/>; 0 when it stays in this process.</summary>
    public long PayloadBytes(IActorRef recipient, object message) =>
        recipient.Path.Address.HasLocalScope ? 0 : PayloadBytes(message);

    /// <summary>The payload size of <paramref name="message"/> on the wire, wherever it goes.</summary>
    public long PayloadBytes(object message) => serialization.FindSerializerFor(message).ToBinary(message).LongLength;
}
