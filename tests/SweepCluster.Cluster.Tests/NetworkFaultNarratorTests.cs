using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Tests;

public sealed class NetworkFaultNarratorTests
{
    private const string Coordinator = "akka.tcp://sweepcluster@10.0.0.5:4053";
    private const string OtherWorker = "akka.tcp://sweepcluster@10.0.0.7:40123";

    private static readonly FailureDetection Detection = FailureDetection.For(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    private readonly ManualClock clock = new();

    [Fact]
    public void Worker_says_its_coordinator_is_unreachable_what_it_does_and_when_it_gives_up()
    {
        // given a worker node that lost its coordinator 2 s ago (--idle-exit 600)
        var absence = new CoordinatorAbsence(IdleExit.FromSeconds(600), clock);
        clock.Advance(TimeSpan.FromSeconds(2));
        var narrator = new NetworkFaultNarrator(NodeRole.Worker, [Coordinator], Detection, tls: false, absence);

        // when the coordinator and another worker are marked unreachable
        var lines = narrator.Narrate(new NetworkFault(NetworkFaultKind.Unreachable, [OtherWorker, Coordinator])).ToList();

        // then there is one line, about the coordinator
        var line = Assert.Single(lines);
        Assert.Equal("coordinator 10.0.0.5:4053 unreachable (no heartbeats); retrying every 2 s, giving up in 9 m 58 s", Render(line));
    }

    [Fact]
    public void Worker_speaks_of_itself_when_it_was_paused_and_leaves_its_downing_to_the_host()
    {
        var narrator = new NetworkFaultNarrator(NodeRole.Worker, [Coordinator], Detection, tls: false, new CoordinatorAbsence(IdleExit.FromSeconds(60), clock));

        var paused = Assert.Single(narrator.Narrate(new NetworkFault(NetworkFaultKind.Paused, [], "12.1")));
        var downed = narrator.Narrate(new NetworkFault(NetworkFaultKind.Downed, [OtherWorker, Coordinator], IncludesSelf: true));

        Assert.StartsWith("this node was paused for 12.1 s", Render(paused));
        Assert.Empty(downed); // the host's "is out of the cluster (downed: …); joining again, giving up in …" says it
    }

    [Fact]
    public void Worker_lines_about_its_coordinator_share_one_throttle_key_whatever_the_kind()
    {
        var narrator = new NetworkFaultNarrator(NodeRole.Worker, [Coordinator], Detection, tls: false, new CoordinatorAbsence(IdleExit.FromSeconds(60), clock));

        var keys = new[] { NetworkFaultKind.ConnectionRefused, NetworkFaultKind.Unreachable }
            .Select(kind => Assert.Single(narrator.Narrate(new NetworkFault(kind, [Coordinator]))).Key).Distinct();

        Assert.Equal(["coordinator 10.0.0.5:4053"], keys);
    }

    [Fact]
    public void Worker_without_tls_whose_connection_is_closed_before_it_joins_is_told_it_may_need_the_certificate()
    {
        var narrator = new NetworkFaultNarrator(NodeRole.Worker, [Coordinator], Detection, tls: false, new CoordinatorAbsence(IdleExit.FromSeconds(60), clock));

        var line = Assert.Single(narrator.Narrate(new NetworkFault(NetworkFaultKind.ConnectionLost, [Coordinator])));

        Assert.Contains("closed the connection before this node could join", line.Fault);
        Assert.Contains("--tls-cert", line.Fault);
    }

    [Fact]
    public void Worker_refused_over_tls_says_why_once_not_again_as_a_lost_connection()
    {
        // given a worker with another cluster's certificate
        var narrator = new NetworkFaultNarrator(NodeRole.Worker, ["akka.ssl.tcp://sweepcluster@10.0.0.5:4053"], Detection, tls: true,
            new CoordinatorAbsence(IdleExit.FromSeconds(60), clock));

        // when its handshake with the coordinator is refused, seen by address and by socket, and the association then fails
        var refused = narrator.Narrate(new NetworkFault(NetworkFaultKind.TlsRefused, ["ssl.tcp://sweepcluster@10.0.0.5:4053"], "its certificate is not this cluster's")).ToList();
        var bySocket = narrator.Narrate(new NetworkFault(NetworkFaultKind.TlsRefused, ["[::ffff:10.0.0.5]:4053"], "the certificates do not match")).ToList();
        var lost = narrator.Narrate(new NetworkFault(NetworkFaultKind.ConnectionLost, ["akka.ssl.tcp://sweepcluster@10.0.0.5:4053"])).ToList();

        // then both refusals are about the coordinator (one throttle key), and the lost connection is no news
        Assert.Equal("coordinator 10.0.0.5:4053 refused over TLS: its certificate is not this cluster's; retrying every 2 s, giving up in 1 m", Render(Assert.Single(refused)));
        Assert.Equal(refused[0].Key, Assert.Single(bySocket).Key);
        Assert.Empty(lost);
    }

    [Fact]
    public void Coordinator_says_which_worker_is_unreachable_or_downed_and_what_becomes_of_its_trials()
    {
        var narrator = new NetworkFaultNarrator(NodeRole.Coordinator, [Coordinator], Detection, tls: false);

        var unreachable = Assert.Single(narrator.Narrate(new NetworkFault(NetworkFaultKind.Unreachable, [OtherWorker])));
        var downed = Assert.Single(narrator.Narrate(new NetworkFault(NetworkFaultKind.Downed, [OtherWorker])));
        var lost = narrator.Narrate(new NetworkFault(NetworkFaultKind.ConnectionLost, [OtherWorker]));

        Assert.Equal("worker node 10.0.0.7:40123 unreachable (no heartbeats); its trials are re-queued if it stays so for 5 s", Render(unreachable));
        Assert.Equal("worker node 10.0.0.7:40123 downed (it stayed unreachable); its trials go back to the queue", Render(downed));
        Assert.Empty(lost);
    }

    [Fact]
    public void Coordinator_names_a_refused_tls_peer_by_its_host_and_says_it_cannot_join()
    {
        var narrator = new NetworkFaultNarrator(NodeRole.Coordinator, ["akka.ssl.tcp://sweepcluster@10.0.0.5:4053"], Detection, tls: true);

        var line = Assert.Single(narrator.Narrate(new NetworkFault(NetworkFaultKind.TlsRefused, ["[::ffff:10.0.0.9]:46804"], "it does not speak TLS (a node started without --tls-cert?)")));

        Assert.Equal("node 10.0.0.9 refused: it does not speak TLS (a node started without --tls-cert?); it cannot join: every node needs the cluster's certificate (--tls-cert)",
            Render(line));
        Assert.Equal("TlsRefused|node 10.0.0.9", line.Key);
    }

    [Fact]
    public void Departed_members_and_quarantined_incarnations_need_no_console_line()
    {
        foreach (var role in new[] { NodeRole.Coordinator, NodeRole.Worker })
        {
            var narrator = new NetworkFaultNarrator(role, [Coordinator], Detection, tls: false, new CoordinatorAbsence(IdleExit.Default, clock));
            Assert.Empty(narrator.Narrate(new NetworkFault(NetworkFaultKind.Departed, [OtherWorker])));
            Assert.Empty(narrator.Narrate(new NetworkFault(NetworkFaultKind.Quarantined, [OtherWorker])));
        }
    }

    private static string Render(NetworkFaultLine line) => $"{line.Peer} {line.Fault}; {line.Next}";
}
