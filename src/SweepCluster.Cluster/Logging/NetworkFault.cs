namespace SweepCluster.Cluster.Logging;

/// <summary>
/// An expected network fault read from one of Akka's log events: its kind, the peers it concerns (Akka addresses
/// such as <c>akka.tcp://sweepcluster@10.0.0.5:4053</c>, or a socket endpoint for a TLS refusal), a detail (the
/// reason of a TLS refusal, the seconds of a pause) and whether it concerns this node itself (downed, quarantined).
/// </summary>
public sealed record NetworkFault(NetworkFaultKind Kind, IReadOnlyList<string> Peers, string Detail = "", bool IncludesSelf = false);
