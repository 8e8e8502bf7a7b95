using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Tests;

/// <summary>Akka.NET 1.5.73's own log messages, as a worker frozen with SIGSTOP and a refused TLS peer logged them.</summary>
public sealed class AkkaFaultClassifierTests
{
    private const string Coordinator = "akka.tcp://sweepcluster@127.0.0.1:59403";
    private const string Self = "akka.tcp://sweepcluster@127.0.0.1:41835";
    private const string OtherWorker = "akka.tcp://sweepcluster@127.0.0.1:42229";
    private const string StackTrace = "\n   at Akka.Remote.EndpointWriter.PublishAndThrow(Exception reason, LogLevel level, Boolean needToThrow)\n   at Akka.Actor.ActorCell.Invoke(Envelope envelope)";

    private readonly AkkaFaultClassifier classifier = new();

    public static TheoryData<string, string, NetworkFaultKind, string> Samples => new()
    {
        {
            "Akka.Remote.EndpointWriter",
            $"AssociationError [{Self}] -> {Coordinator}: Error [Connection refused tcp://sweepcluster@127.0.0.1:59403] []",
            NetworkFaultKind.ConnectionRefused, Coordinator
        },
        {
            "Akka.Event.DummyClassForStringSources",
            $"Tried to associate with unreachable remote address [{Coordinator}]. Address is now gated for 1000 ms, all messages to this address will be delivered to dead letters. Reason: [Connection refused tcp://sweepcluster@127.0.0.1:59403] ",
            NetworkFaultKind.ConnectionRefused, Coordinator
        },
        {
            "Akka.Cluster.JoinSeedNodeProcess",
            $"Couldn't join seed nodes after [2] attempts, will try again. seed-nodes=[{Coordinator}]",
            NetworkFaultKind.ConnectionRefused, Coordinator
        },
        {
            "Akka.Remote.ReliableDeliverySupervisor",
            $"Association with remote system {Coordinator} has failed; address is now gated for 1000 ms. Reason is: [Akka.Remote.EndpointDisassociatedException: Disassociated{StackTrace}]",
            NetworkFaultKind.ConnectionLost, Coordinator
        },
        {
            "Akka.Event.DummyClassForStringSources",
            $"Tried to associate with unreachable remote address [{Coordinator}]. Address is now gated for 1000 ms, all messages to this address will be delivered to dead letters. Reason: [Association failed with {Coordinator}] Caused by: [Akka.Remote.Transport.AkkaProtocolException: The remote system explicitly disassociated (reason unknown).{StackTrace}]",
            NetworkFaultKind.ConnectionLost, Coordinator
        },
        {
            "Akka.Event.DummyClassForStringSources",
            $"Association to [{OtherWorker}] having UID [1197162428] is irrecoverably failed. UID is now quarantined and all messages to this UID will be delivered to dead letters. Remote actorsystem must be restarted to recover from this situation.",
            NetworkFaultKind.Quarantined, OtherWorker
        },
        {
            "Akka.Cluster.ClusterCoreDaemon",
            $"Cluster Node [{Coordinator}] - Marking exiting node(s) as UNREACHABLE [Member(address = {OtherWorker}, Uid=1 status = Exiting, role=[worker], upNumber=3, version=1.0.0)]. This is expected and they will be removed.",
            NetworkFaultKind.Departed, OtherWorker
        },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Akkas_messages_about_lost_and_refused_connections_are_expected_faults_naming_the_peer(string logClass, string message, NetworkFaultKind kind, string peer)
    {
        // when one of Akka's messages about a connection is classified
        var fault = classifier.Classify(new AkkaLogLine(logClass, "remoting (akka://sweepcluster)", message));

        // then it is an expected fault of that kind, about that peer only
        Assert.NotNull(fault);
        Assert.Equal(kind, fault.Kind);
        Assert.Equal([peer], fault.Peers);
    }

    [Fact]
    public void Disassociated_error_with_its_stack_trace_names_the_peer_from_the_endpoint_writers_path()
    {
        // given the ERR line a woken worker printed with 10 lines of stack trace
        var line = new AkkaLogLine("Akka.Actor.OneForOneStrategy",
            "akka://sweepcluster/system/endpointManager/reliableEndpointWriter-akka.tcp%3A%2F%2Fsweepcluster%40127.0.0.1%3A59403-3/endpointWriter",
            "Disassociated", new EndpointDisassociatedException("Disassociated"));

        // when it is classified
        var fault = classifier.Classify(line);

        // then it is a lost connection to the coordinator
        Assert.Equal(NetworkFaultKind.ConnectionLost, fault?.Kind);
        Assert.Equal([Coordinator], fault!.Peers);
    }

    [Fact]
    public void Members_marked_unreachable_are_the_peers_not_the_node_that_marks_them()
    {
        var message = $"Cluster Node [{Self}] - Marking node(s) as UNREACHABLE [Member(address = {OtherWorker}, Uid=1197162428 status = Up, role=[worker], upNumber=3, version=1.0.0), "
            + $"Member(address = {Coordinator}, Uid=1757079334 status = Up, role=[coordinator], upNumber=1, version=1.0.0)]. Node roles [worker]";

        var fault = classifier.Classify(new AkkaLogLine("Akka.Cluster.ClusterCoreDaemon", Self + "/system/cluster/core/daemon", message));

        Assert.Equal(NetworkFaultKind.Unreachable, fault?.Kind);
        Assert.Equal([OtherWorker, Coordinator], fault!.Peers);
    }

    [Fact]
    public void Split_brain_decision_that_downs_this_node_says_so_and_lists_only_the_downed_nodes()
    {
        var message = $"SBR took decision Akka.Cluster.SBR.DownIndirectlyConnected and is downing [{OtherWorker}, {Coordinator}, {Self}] including myself, , [2] unreachable of [3] members, "
            + $"indirectly connected [UniqueAddress: ({Coordinator}, 1757079334)], full reachability status: [Reachability([{Self} -> UniqueAddress: ({OtherWorker}, 1197162428): Unreachable [Unreachable] (1)])]";

        var fault = classifier.Classify(new AkkaLogLine("Akka.Cluster.SBR.SplitBrainResolver", null, message));

        Assert.Equal(NetworkFaultKind.Downed, fault?.Kind);
        Assert.True(fault!.IncludesSelf);
        Assert.Equal([OtherWorker, Coordinator, Self], fault.Peers);
    }

    [Fact]
    public void Late_heartbeats_are_a_paused_node_with_the_length_of_the_pause()
    {
        var message = $"Cluster Node [{Self}] - Scheduled sending of heartbeat was delayed. Previous heartbeat was sent [8442.0176] ms ago, expected interval is [375] ms. "
            + "This may cause failure detection to mark members as unreachable. The reason can be thread starvation, e.g. by running blocking tasks on the default dispatcher, CPU overload, or GC.";

        var fault = classifier.Classify(new AkkaLogLine("Akka.Cluster.ClusterHeartbeatSender", null, message));

        Assert.Equal((NetworkFaultKind.Paused, "8.4"), (fault?.Kind, fault?.Detail));
        Assert.Empty(fault!.Peers);
    }

    [Fact]
    public void Plain_tcp_traffic_on_a_tls_port_is_a_refused_tls_peer_that_does_not_speak_tls()
    {
        // given what a TLS coordinator logs when a node without the certificate connects
        var handshake = new AkkaLogLine("Akka.Remote.Transport.DotNetty.TcpServerHandler", "TcpServerHandler (akka://sweepcluster)",
            "TLS handshake failed on channel [[::ffff:127.0.0.1]:50353->[::ffff:127.0.0.1]:46804](Id=090ea2e4)\nTLS handshake failed (Server side):\n  Error: not an SSL/TLS record",
            new NotSslRecordException("not an SSL/TLS record: 3300000012310801122d"));
        var caught = handshake with { Message = "Error caught channel [[::ffff:127.0.0.1]:50353->[::ffff:127.0.0.1]:46812](Id=0cc8ccdd)" };
        var rejected = new AkkaLogLine("Akka.Remote.Transport.DotNetty.TcpServerHandler", null,
            "Rejected incoming connection from [[::ffff:127.0.0.1]:46804] due to TLS handshake failure. This is likely invalid or malicious traffic.");

        // then each is a TLS refusal of the connecting socket, and the handshake says why
        var fault = classifier.Classify(handshake);
        Assert.Equal(NetworkFaultKind.TlsRefused, fault?.Kind);
        Assert.Equal(["[::ffff:127.0.0.1]:46804"], fault!.Peers);
        Assert.Contains("does not speak TLS", fault.Detail);
        Assert.Equal(["[::ffff:127.0.0.1]:46812"], classifier.Classify(caught)?.Peers);
        Assert.Equal(NetworkFaultKind.TlsRefused, classifier.Classify(rejected)?.Kind);
    }

    [Fact]
    public void Our_certificate_refusal_keeps_its_reason()
    {
        var message = "TLS connection with ssl.tcp://sweepcluster@127.0.0.1:50353 refused: its certificate (CN=sweepcluster, SHA-256 2A93DCA806E26155…) is not this cluster's";

        var fault = classifier.Classify(new AkkaLogLine("Akka.Remote.Transport.DotNetty.TcpTransport", null, message));

        Assert.Equal(NetworkFaultKind.TlsRefused, fault?.Kind);
        Assert.Equal(["ssl.tcp://sweepcluster@127.0.0.1:50353"], fault!.Peers);
        Assert.StartsWith("its certificate (CN=sweepcluster", fault.Detail);
    }

    [Fact]
    public void Failed_outbound_handshake_inside_an_association_error_is_a_tls_refusal()
    {
        var message = $"Tried to associate with unreachable remote address [akka.ssl.tcp://sweepcluster@127.0.0.1:50353]. Address is now gated for 1000 ms, all messages to this address will be delivered to dead letters. "
            + "Reason: [Association failed with akka.ssl.tcp://sweepcluster@127.0.0.1:50353] Caused by: [Akka.Remote.Transport.InvalidAssociationException: TLS handshake failed for ssl.tcp://sweepcluster@127.0.0.1:50353: "
            + "One or more errors occurred. (The remote certificate was rejected by the provided RemoteCertificateValidationCallback.)";

        var fault = classifier.Classify(new AkkaLogLine("Akka.Event.DummyClassForStringSources", null, message));

        Assert.Equal(NetworkFaultKind.TlsRefused, fault?.Kind);
        Assert.Contains("certificates do not match", fault!.Detail);
    }

    [Theory]
    [InlineData("Akka.Remote.Transport.DotNetty.DotNettyTransport", "Failed to bind to 127.0.0.1:4053; shutting down DotNetty transport.")]
    [InlineData("Akka.Remote.EndpointReader", "Deserialization failed for message with serializer id [2001] and manifest [c.request]. Transient association error (association remains live).")]
    [InlineData("Akka.Actor.OneForOneStrategy", "Object reference not set to an instance of an object.")]
    [InlineData("SweepCluster.Cluster.Coordination.CoordinatorActor", "Association with remote system akka.tcp://sweepcluster@10.0.0.5:4053 has failed")]
    public void Real_errors_and_our_own_events_are_not_expected_faults(string logClass, string message)
    {
        Assert.Null(classifier.Classify(new AkkaLogLine(logClass, null, message, new InvalidOperationException("boom"))));
    }

    [Fact]
    public void Association_that_failed_for_a_reason_outside_the_network_is_a_real_error()
    {
        // given Akka's association errors whose cause is a message that cannot be written (a serializer's exception)
        var writeFailed = new AkkaLogLine("Akka.Remote.EndpointWriter", "remoting (akka://sweepcluster)",
            $"AssociationError [{Self}] -> {Coordinator}: Error [Failed to write message to the transport] []",
            new EndpointException("Failed to write message to the transport", new NotSupportedException("no serializer for MyMessage")));
        var gated = new AkkaLogLine("Akka.Remote.ReliableDeliverySupervisor", "remoting (akka://sweepcluster)",
            $"Association with remote system {Coordinator} has failed; address is now gated for 1000 ms. Reason is: [Akka.Remote.EndpointException: Failed to write message to the transport ---> System.NotSupportedException: no serializer for MyMessage]");

        // then none is an expected fault: they keep their place on the console with their stack traces
        Assert.Null(classifier.Classify(writeFailed));
        Assert.Null(classifier.Classify(gated));
    }

    private sealed class EndpointException(string message, Exception inner) : Exception(message, inner);

    // Akka.Remote's exceptions are internal; the classifier knows them by name.
    private sealed class EndpointDisassociatedException(string message) : Exception(message);

    private sealed class NotSslRecordException(string message) : Exception(message);
}
