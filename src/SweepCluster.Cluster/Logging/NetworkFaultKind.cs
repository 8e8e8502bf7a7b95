namespace SweepCluster.Cluster.Logging;

/// <summary>The expected faults of a cluster on a real network (see <see cref="AkkaFaultClassifier"/>).</summary>
public enum NetworkFaultKind
{
    /// <summary>A peer could not be reached: connection refused or timed out, a seed that did not answer.</summary>
    ConnectionRefused,

    /// <summary>An association (connection) to a peer ended or failed.</summary>
    ConnectionLost,

    /// <summary>The failure detector marked a member unreachable (no heartbeats).</summary>
    Unreachable,

    /// <summary>The split-brain resolver downed members (perhaps this node itself).</summary>
    Downed,

    /// <summary>A peer's incarnation was quarantined (or this node was, by a peer): it must restart to talk again.</summary>
    Quarantined,

    /// <summary>A TLS handshake failed or a peer's certificate was refused.</summary>
    TlsRefused,

    /// <summary>This node's own heartbeats went out late: the process was paused (SIGSTOP, a VM pause, a long GC) or starved.</summary>
    Paused,

    /// <summary>A member that is leaving went away, as expected.</summary>
    Departed,
}
