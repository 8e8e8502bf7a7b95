using System.Net;
using System.Text.RegularExpressions;
using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Turns an expected network fault into the console line a user of this node needs: what happened to whom, and what
/// the node does next. A worker node speaks of its coordinator (the seeds it joins) and of itself, and says how long
/// it still waits (<see cref="CoordinatorAbsence"/>); the other workers' comings and goings are not its business. A
/// coordinator node speaks of worker nodes that become unreachable or are downed (their trials are re-queued) and of
/// refused TLS peers. Faults that need no action (a member that left, a quarantined old incarnation, a worker's
/// connection to another worker) give no line: the log file has them at Debug. One per cluster session: it
/// remembers the peers that refused TLS, whose lost connection is then no news.
/// </summary>
public sealed partial class NetworkFaultNarrator(NodeRole role, IReadOnlyList<string> seeds, FailureDetection failureDetection, bool tls,
    CoordinatorAbsence? absence = null)
{
    private readonly HashSet<string> seedEndpoints = [.. seeds.Select(Endpoint)];
    private readonly HashSet<string> refusedTls = [];

    public IEnumerable<NetworkFaultLine> Narrate(NetworkFault fault) => role == NodeRole.Worker ? ForWorker(fault) : ForCoordinator(fault);

    private IEnumerable<NetworkFaultLine> ForWorker(NetworkFault fault)
    {
        var retrying = $"retrying every {Durations.Human(AkkaConfig.JoinRetry)}, {Outlook}";
        switch (fault.Kind)
        {
            case NetworkFaultKind.Paused:
                yield return Self(fault, $"was paused for {fault.Detail} s (its heartbeats were late)",
                    "the others may have marked it unreachable; if they removed it, it joins again");
                break;
            case NetworkFaultKind.Quarantined when fault.IncludesSelf:
                yield return Self(fault, $"was quarantined by {Describe(fault.Peers.FirstOrDefault() ?? "the coordinator")} (removed while out of touch)",
                    $"it joins again as a new node, {Outlook}");
                break;
            case NetworkFaultKind.TlsRefused:
                foreach (var peer in fault.Peers)
                {
                    refusedTls.Add(Describe(peer));
                    yield return Line(fault, peer, $"refused over TLS: {fault.Detail}", retrying);
                }
                break;
            case NetworkFaultKind.ConnectionLost when !tls && absence is { IsAbsent: true }:
                // closed before this node got in: the usual reason is a cluster on TLS that this node does not speak
                foreach (var peer in fault.Peers.Where(p => IsCoordinator(p) && !refusedTls.Contains(Describe(p))))
                {
                    yield return Line(fault, peer, "closed the connection before this node could join (if the cluster uses TLS, this node needs its certificate: --tls-cert)",
                        retrying);
                }
                break;
            case NetworkFaultKind.ConnectionRefused or NetworkFaultKind.ConnectionLost or NetworkFaultKind.Unreachable:
                foreach (var peer in fault.Peers.Where(p => IsCoordinator(p) && !refusedTls.Contains(Describe(p))))
                {
                    yield return Line(fault, peer, What(fault.Kind), retrying);
                }
                break;
        }
    }

    private IEnumerable<NetworkFaultLine> ForCoordinator(NetworkFault fault)
    {
        var stable = Durations.Human(failureDetection.StableAfter);
        switch (fault.Kind)
        {
            case NetworkFaultKind.Paused:
                yield return Self(fault, $"was paused for {fault.Detail} s (its heartbeats were late)",
                    "workers that lost it meanwhile join again");
                break;
            case NetworkFaultKind.Downed when fault.IncludesSelf:
                yield return Self(fault, "was downed", "the sweep stops here; run the same command again to resume");
                break;
            case NetworkFaultKind.Downed:
                foreach (var peer in fault.Peers)
                {
                    yield return Line(fault, peer, "downed (it stayed unreachable)", "its trials go back to the queue");
                }
                break;
            case NetworkFaultKind.Unreachable:
                foreach (var peer in fault.Peers)
                {
                    yield return Line(fault, peer, What(fault.Kind), $"its trials are re-queued if it stays so for {stable}");
                }
                break;
            case NetworkFaultKind.TlsRefused:
                foreach (var peer in fault.Peers)
                {
                    yield return Line(fault, peer, $"refused: {fault.Detail}", "it cannot join: every node needs the cluster's certificate (--tls-cert)");
                }
                break;
        }
    }

    private string Outlook => absence?.Outlook ?? "waiting";

    private static string What(NetworkFaultKind kind) => kind switch
    {
        NetworkFaultKind.ConnectionRefused => "cannot be reached (connection refused or timed out)",
        NetworkFaultKind.ConnectionLost => "disconnected",
        NetworkFaultKind.Unreachable => "unreachable (no heartbeats)",
        _ => kind.ToString(),
    };

    private NetworkFaultLine Line(NetworkFault fault, string peer, string what, string next)
    {
        var name = Describe(peer);
        var key = role == NodeRole.Worker && IsCoordinator(peer) ? name : $"{fault.Kind}|{name}";
        return new NetworkFaultLine(key, fault.Kind, name, what, next);
    }

    private static NetworkFaultLine Self(NetworkFault fault, string what, string next) =>
        new($"{fault.Kind}|self", fault.Kind, "this node", what, next);

    /// <summary>
    /// "coordinator 10.0.0.5:4053" (a seed), "worker node 10.0.0.7:40123" (on the coordinator), or "node 10.0.0.9" (a
    /// peer seen by its socket, whose port is a passing one).
    /// </summary>
    public string Describe(string peer)
    {
        var endpoint = Endpoint(peer);
        if (IsCoordinator(peer))
        {
            return $"coordinator {endpoint}";
        }
        if (!peer.Contains("://", StringComparison.Ordinal))
        {
            return $"node {Host(endpoint)}";
        }
        return role == NodeRole.Coordinator ? $"worker node {endpoint}" : $"node {endpoint}";
    }

    private bool IsCoordinator(string peer) => seedEndpoints.Contains(Endpoint(peer));

    /// <summary>
    /// host:port of an Akka address (<c>akka.tcp://sweepcluster@10.0.0.5:4053</c>, or the transport's <c>ssl.tcp://…</c>)
    /// or of a socket endpoint (<c>[::ffff:10.0.0.5]:4053</c> is <c>10.0.0.5:4053</c>).
    /// </summary>
    public static string Endpoint(string address)
    {
        if (AddressEndpoint().Match(address) is { Success: true } m)
        {
            return m.Groups["endpoint"].Value;
        }
        return IPEndPoint.TryParse(address.Trim(), out var ip) ? $"{Plain(ip.Address)}:{ip.Port}" : address.Trim();
    }

    /// <summary>The host of an endpoint: <c>10.0.0.9:40000</c> is <c>10.0.0.9</c>.</summary>
    public static string Host(string endpoint)
    {
        if (IPEndPoint.TryParse(endpoint, out var ip))
        {
            return Plain(ip.Address);
        }
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 ? endpoint[..colon] : endpoint;
    }

    private static string Plain(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    [GeneratedRegex(@"^(?:akka\.)?(?:ssl\.)?tcp://[^@]+@(?<endpoint>.+)$")]
    private static partial Regex AddressEndpoint();
}
