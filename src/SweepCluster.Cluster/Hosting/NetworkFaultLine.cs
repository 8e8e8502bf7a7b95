using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// One console line about an expected network fault: who (<c>coordinator 10.0.0.5:4053</c>), what happened
/// (<c>unreachable</c>) and what the node does next (<c>retrying every 2 s, giving up in 9 m 58 s</c>).
/// <paramref name="Key"/> identifies the fault and peer for the throttle.
/// </summary>
public sealed record NetworkFaultLine(string Key, NetworkFaultKind Kind, string Peer, string Fault, string Next);
