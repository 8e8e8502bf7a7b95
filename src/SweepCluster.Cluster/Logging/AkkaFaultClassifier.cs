using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Cluster.Logging;

/// <summary>
/// Tells Akka's log events about expected network faults (a lost or refused connection, an unreachable, downed or
/// quarantined node, a refused TLS peer, a paused process) from everything else, and reads which peers they concern.
/// An expected fault is no error of the program: the node's console shows one line for it
/// (<see cref="NetworkFaultNarrator"/>) and the event itself, with its stack trace, goes to the log file at Debug
/// (<see cref="ExpectedFaultDemotion"/>). Anything it does not know returns null and is logged as before, in full.
/// The patterns are Akka.NET 1.5's messages (Akka.Remote, Akka.Cluster, the split-brain resolver, the DotNetty
/// transport); <c>AkkaFaultClassifierTests</c> holds a sample of each.
/// </summary>
public sealed partial class AkkaFaultClassifier
{
    /// <summary>Akka's exceptions that mean an association ended or failed (most are internal to Akka.Remote: matched by name).</summary>
    private static readonly HashSet<string> AssociationExceptions =
    [
        "EndpointDisassociatedException", "EndpointAssociationException", "ShutDownAssociation", "InvalidAssociation",
        "HopelessAssociation", "InvalidAssociationException",
    ];

    private static readonly string TlsRefusedPrefix = EventTemplates.TlsPeerRefused[..EventTemplates.TlsPeerRefused.IndexOf('{', StringComparison.Ordinal)];

    public NetworkFault? Classify(AkkaLogLine line)
    {
        if (line.LogClass is { } logClass && !logClass.StartsWith("Akka", StringComparison.Ordinal))
        {
            return null;
        }
        var message = line.Message;
        return Tls(line) ?? Cluster(message) ?? Association(line);
    }

    private static NetworkFault? Tls(AkkaLogLine line)
    {
        var message = line.Message;
        if (message.StartsWith(TlsRefusedPrefix, StringComparison.Ordinal) && OurTlsRefusal().Match(message) is { Success: true } ours)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [ours.Groups["peer"].Value], ours.Groups["reason"].Value);
        }
        if (TlsChannel().Match(message) is { Success: true } channel)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [channel.Groups["peer"].Value], TlsReason(message, line.Cause));
        }
        if (TlsRejected().Match(message) is { Success: true } rejected)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [rejected.Groups["peer"].Value], "its TLS handshake failed");
        }
        if (NoClientCertificate().Match(message) is { Success: true } none)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [none.Groups["peer"].Value], "it presented no certificate");
        }
        if (CertificateCheck().Match(message) is { Success: true } check)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [check.Groups["peer"].Value], "its certificate was refused");
        }
        if (TlsAssociation().Match(message) is { Success: true } association)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [association.Groups["peer"].Value], TlsReason(message, line.Cause));
        }
        if (IsTlsException(line.Cause) && ChannelPeer().Match(message) is { Success: true } authentication)
        {
            return new NetworkFault(NetworkFaultKind.TlsRefused, [authentication.Groups["peer"].Value], TlsReason(message, line.Cause));
        }
        return null;
    }

    private static bool IsTlsException(Exception? cause) =>
        cause is AuthenticationException || cause?.GetType().Name is { } name && (name.Contains("Ssl", StringComparison.Ordinal) || name.Contains("Tls", StringComparison.Ordinal));

    /// <summary>Why a handshake failed, in words: the usual cause is a node on the other side without TLS.</summary>
    public static string TlsReason(string message, Exception? cause)
    {
        var text = message + " " + Describe(cause);
        if (Contains(text, "frame size", "corrupted frame", "NotSslRecord", "not an SSL", "wrong version number", "unknown protocol"))
        {
            return "it does not speak TLS (a node started without --tls-cert?)";
        }
        if (Contains(text, "unexpected EOF", "0 bytes from the transport", "Connection reset", "closed"))
        {
            return "the other side closed the connection during the TLS handshake (it does not use TLS, or it refused this node's certificate)";
        }
        if (Contains(text, "RemoteCertificate", "certificate"))
        {
            return "the certificates do not match (each side needs the cluster's certificate)";
        }
        return "the TLS handshake failed";
    }

    private static NetworkFault? Cluster(string message)
    {
        if (HeartbeatDelayed().Match(message) is { Success: true } delayed)
        {
            var seconds = double.Parse(delayed.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000;
            return new NetworkFault(NetworkFaultKind.Paused, [], seconds.ToString("0.#", CultureInfo.InvariantCulture));
        }
        if (message.Contains("Marking exiting node(s) as UNREACHABLE", StringComparison.Ordinal))
        {
            return new NetworkFault(NetworkFaultKind.Departed, Addresses(message.Split(" - ", 2)[^1]));
        }
        if (MarkedUnreachable().Match(message) is { Success: true } unreachable)
        {
            return new NetworkFault(NetworkFaultKind.Unreachable, Addresses(unreachable.Groups["peers"].Value));
        }
        if (SbrDowning().Match(message) is { Success: true } downing)
        {
            return new NetworkFault(NetworkFaultKind.Downed, Addresses(downing.Groups["peers"].Value), IncludesSelf: downing.Groups["self"].Success);
        }
        if (PartitionDowning().Match(message) is { Success: true } partition)
        {
            return new NetworkFault(NetworkFaultKind.Downed, Addresses(partition.Groups["peers"].Value));
        }
        if (message.StartsWith("Node has been marked as DOWN", StringComparison.Ordinal)
            || message.StartsWith("Received gossip where this member has been downed", StringComparison.Ordinal))
        {
            return new NetworkFault(NetworkFaultKind.Downed, [], IncludesSelf: true);
        }
        if (TerminatedByQuarantine().Match(message) is { Success: true } terminated)
        {
            return new NetworkFault(NetworkFaultKind.Quarantined, Addresses(terminated.Groups["peers"].Value));
        }
        return null;
    }

    private static NetworkFault? Association(AkkaLogLine line)
    {
        var message = line.Message;
        if (QuarantinedByPeer().Match(message) is { Success: true } byPeer)
        {
            return new NetworkFault(NetworkFaultKind.Quarantined, Addresses(byPeer.Groups["peer"].Value), IncludesSelf: true);
        }
        if (Quarantined().Match(message) is { Success: true } quarantined)
        {
            return new NetworkFault(NetworkFaultKind.Quarantined, Addresses(quarantined.Groups["peer"].Value));
        }
        if (SeedsNotJoined().Match(message) is { Success: true } seeds)
        {
            return new NetworkFault(NetworkFaultKind.ConnectionRefused, Addresses(seeds.Groups["peers"].Value));
        }
        // An association that failed for a reason that is not the network (a message that cannot be serialized, a bug)
        // is a real error: it keeps its place on the console with its stack trace.
        if (AssociationFailure().Match(message) is { Success: true } failure && HasNetworkCause(message + " " + Describe(line.Cause)))
        {
            var kind = IsRefusal(message) ? NetworkFaultKind.ConnectionRefused : NetworkFaultKind.ConnectionLost;
            return new NetworkFault(kind, Addresses(failure.Groups["peer"].Value));
        }
        if (line.Cause is { } cause && AssociationExceptions.Contains(cause.GetType().Name) && HasNetworkCause(message + " " + Describe(cause))
            || message == "Disassociated" || message.StartsWith("Disassociated [", StringComparison.Ordinal))
        {
            var peers = Addresses(message);
            return new NetworkFault(IsRefusal(message + " " + Describe(line.Cause)) ? NetworkFaultKind.ConnectionRefused : NetworkFaultKind.ConnectionLost,
                peers.Count > 0 ? peers : Addresses(Uri.UnescapeDataString(line.LogSource ?? "")));
        }
        if (line.Cause is SocketException or IOException && ChannelPeer().Match(message) is { Success: true } channel)
        {
            return new NetworkFault(NetworkFaultKind.ConnectionLost, [channel.Groups["peer"].Value]);
        }
        return null;
    }

    /// <summary>The Akka addresses in <paramref name="text"/>, each once, in order.</summary>
    public static IReadOnlyList<string> Addresses(string text) => [.. Address().Matches(text).Select(m => m.Value).Distinct()];

    /// <summary>Whether a failed association's text names a cause in the network (as opposed to, say, a serializer's exception).</summary>
    private static bool HasNetworkCause(string text) =>
        IsRefusal(text) || Contains(text, "Disassociat", "refused", "timeout", "unreachable", "shut down", "Connection reset", "closed", "unknown UID",
            "Socket", "TLS", "SSL", "handshake", "Association failed");

    private static bool IsRefusal(string text) =>
        Contains(text, "Connection refused", "timed out", "ConnectTimeout", "No route to host", "Name or service not known", "No such host", "nodename nor servname");

    private static bool Contains(string text, params string[] parts) => parts.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static string Describe(Exception? cause)
    {
        var parts = new List<string>();
        for (var e = cause; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }
        return string.Join(" ", parts);
    }

    // akka.tcp://sweepcluster@10.0.0.5:4053, akka.ssl.tcp://…, and the transport's own tcp://…, ssl.tcp://…
    [GeneratedRegex(@"(?:akka\.)?(?:ssl\.)?tcp://[^@\s\]\[,]+@(?:\[[^\]]+\]|[^\s:\]\[,/]+):\d+")]
    private static partial Regex Address();

    [GeneratedRegex(@"^TLS connection with (?<peer>.+?) refused: (?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex OurTlsRefusal();

    [GeneratedRegex(@"^TLS (?:handshake failed|exception) on channel \[(?<local>.+?)->(?<peer>.+?)\]\(Id=")]
    private static partial Regex TlsChannel();

    [GeneratedRegex(@"^Rejected incoming connection from \[(?<peer>.+)\] due to TLS handshake failure")]
    private static partial Regex TlsRejected();

    [GeneratedRegex(@"^Mutual TLS required but client did not provide a certificate from (?<peer>\S+)")]
    private static partial Regex NoClientCertificate();

    [GeneratedRegex(@"^(?:Certificate chain validation|Certificate pinning|Hostname validation|Subject validation|Issuer validation|Custom certificate validation) failed for (?<peer>\S+?):?(?:\s|$)")]
    private static partial Regex CertificateCheck();

    [GeneratedRegex(@"TLS handshake failed for (?<peer>(?:akka\.)?(?:ssl\.)?tcp://\S+?)(?::\s|\]|$)")]
    private static partial Regex TlsAssociation();

    [GeneratedRegex(@"channel \[(?<local>.+?)->(?<peer>.+?)\]\(Id=")]
    private static partial Regex ChannelPeer();

    [GeneratedRegex(@"Scheduled sending of heartbeat was delayed\. Previous heartbeat was sent \[(?<ms>[\d.]+)\] ms ago")]
    private static partial Regex HeartbeatDelayed();

    [GeneratedRegex(@"Marking node\(s\) as UNREACHABLE \[(?<peers>.*)\]\. Node roles", RegexOptions.Singleline)]
    private static partial Regex MarkedUnreachable();

    [GeneratedRegex(@"^SBR (?:took decision \S+ and )?is downing \[(?<peers>[^\]]*)\](?<self> including myself)?")]
    private static partial Regex SbrDowning();

    [GeneratedRegex(@"^A network partition has been detected\. .* decided to down following nodes: \[(?<peers>[^\]]*)\]")]
    private static partial Regex PartitionDowning();

    [GeneratedRegex(@"Marking node as TERMINATED \[(?<peers>.*?)\], due to quarantine")]
    private static partial Regex TerminatedByQuarantine();

    [GeneratedRegex(@"^The remote system (?<peer>\S+) has quarantined this system")]
    private static partial Regex QuarantinedByPeer();

    [GeneratedRegex(@"^(?:Association to \[(?<peer>[^\]]+)\] having UID \[\d+\] is irrecoverably failed|Quarantined address \[(?<peer>[^\]]+)\] is still unreachable)")]
    private static partial Regex Quarantined();

    [GeneratedRegex(@"^Couldn't join seed nodes after \[\d+\] attempts, will try again\. seed-nodes=\[(?<peers>[^\]]*)\]")]
    private static partial Regex SeedsNotJoined();

    [GeneratedRegex(@"^(?:AssociationError \[[^\]]+\] -> (?<peer>\S+?): Error \[|Tried to associate with unreachable remote address \[(?<peer>[^\]]+)\]|Association with remote system (?<peer>\S+) has failed|Association to \[(?<peer>[^\]]+)\] with unknown UID|Remote system with address \[(?<peer>[^\]]+)\] has shut down)")]
    private static partial Regex AssociationFailure();
}
