using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Monitoring;
using AkkaLogEvent = Akka.Event.LogEvent;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// One per cluster session: reads Akka's warnings and errors off the event stream, and for each expected network
/// fault (<see cref="AkkaFaultClassifier"/>) writes the one console line <see cref="NetworkFaultNarrator"/> makes of
/// it (<see cref="EventTemplates.NetworkFault"/>), at most once per throttle interval for each fault and peer. The
/// Akka events themselves reach the log file at Debug (<see cref="ExpectedFaultDemotion"/>).
/// </summary>
public sealed class NetworkFaultReporter : ReceiveActor
{
    private readonly AkkaFaultClassifier classifier = new();
    private readonly NetworkFaultNarrator narrator;
    private readonly LineThrottle throttle;
    private readonly ILoggingAdapter log = Context.GetLogger();

    public NetworkFaultReporter(NetworkFaultNarrator narrator, LineThrottle throttle)
    {
        this.narrator = narrator;
        this.throttle = throttle;
        Receive<AkkaLogEvent>(OnLogEvent);
    }

    public static Props Props(NetworkFaultNarrator narrator, LineThrottle throttle) =>
        Akka.Actor.Props.Create(() => new NetworkFaultReporter(narrator, throttle));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(Warning));
        Context.System.EventStream.Subscribe(Self, typeof(Error));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnLogEvent(AkkaLogEvent e)
    {
        if (classifier.Classify(new AkkaLogLine(e.LogClass?.FullName, e.LogSource, e.Message?.ToString() ?? "", e.Cause)) is not { } fault)
        {
            return;
        }
        foreach (var line in narrator.Narrate(fault).Where(l => throttle.Pass(l.Key)))
        {
            log.WithContext("FaultKind", line.Kind.ToString()).Warning(EventTemplates.NetworkFault, line.Peer, line.Fault, line.Next);
        }
    }
}
