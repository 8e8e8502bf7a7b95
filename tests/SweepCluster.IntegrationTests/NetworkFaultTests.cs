using System.Globalization;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A cluster on a real network (issue 17): remoting over mutual TLS with the cluster's certificate, a node without it
/// refused, and a worker frozen mid-trial (SIGSTOP, as a hung node or a network partition looks) that wakes after the
/// sweep ended: one console line per expected fault, no stack trace, and it leaves by itself.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    // Idle exits long enough that a node on a loaded 2-core machine starts and tries to join well within them.
    private const string IdleExit = "15";

    [Fact]
    public async Task Coordinator_and_worker_over_tls_with_the_clusters_certificate_finish_the_sweep()
    {
        // given a certificate made by scripts/make-cluster-cert.sh, given to a coordinator and a worker
        using var cluster = new TestCluster(output, trials: 4, epochs: 10);
        var tls = cluster.MakeCertificate();
        var coordinator = cluster.StartCoordinator(tls);
        var worker = cluster.StartWorker(tls);

        // when the sweep runs
        var exit = await coordinator.WaitForExitAsync(SweepTimeout);

        // then it finished over TLS (akka.ssl.tcp), every trial once, and the worker went home
        Assert.Equal(0, exit);
        ClusterSweepTests.AssertEachTrialOnce(cluster, 4);
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));
        var started = Assert.Single(cluster.Events(), e => e.Template == EventTemplates.CoordinatorStarting);
        Assert.StartsWith("akka.ssl.tcp://sweepcluster@127.0.0.1:", started.Property("Seed"));
        Assert.Contains(cluster.Dispatches(), d => d.Property("Node") == worker.WorkerNodeName);
    }

    [Fact]
    public async Task Worker_without_the_certificate_is_refused_both_sides_say_why_and_it_leaves_after_its_idle_exit()
    {
        // given a coordinator on TLS, and a worker started without the certificate (plain TCP) and a short --idle-exit
        using var cluster = new TestCluster(output, trials: 2, epochs: 2);
        var coordinator = cluster.StartCoordinator(cluster.MakeCertificate());
        await cluster.WaitUntilAsync(() => cluster.Events().Any(e => e.Template == EventTemplates.SweepStarted), SweepTimeout, "the TLS coordinator is up");

        // when the worker tries to join
        var plain = cluster.StartWorker("--idle-exit", IdleExit);

        // then it exits 0 by itself within its idle time (plus start-up), saying it gives up, having trained nothing
        Assert.Equal(0, await plain.WaitForExitAsync(ExitTimeout));
        Assert.Contains("closed the connection before this node could join (if the cluster uses TLS, this node needs its certificate: --tls-cert)", plain.Output);
        Assert.Contains("gives up: no coordinator for", plain.Output);
        Assert.Empty(cluster.Dispatches());
        // and the coordinator said, in one line, why it refused the connection
        await cluster.WaitUntilAsync(() => coordinator.Output.Contains("refused: it does not speak TLS (a node started without --tls-cert?)", StringComparison.Ordinal),
            ExitTimeout, "the coordinator says it refused a node that does not speak TLS");
        Assert.Equal(1, Occurrences(coordinator.Output, "does not speak TLS"));
        AssertNoStackTrace(plain);
        AssertNoStackTrace(coordinator);
    }

    [Fact]
    public async Task Worker_frozen_mid_trial_wakes_after_the_sweep_quietly_and_leaves_by_itself()
    {
        // given a sweep on two workers (a short idle exit, counted from their start: so the coordinator is up first), one
        // of them training a trial
        using var cluster = new TestCluster(output, trials: 6);
        var coordinator = cluster.StartCoordinator();
        await cluster.WaitUntilAsync(() => cluster.Events().Any(e => e.Template == EventTemplates.SweepStarted), SweepTimeout, "the coordinator is up");
        var workers = new[] { cluster.StartWorker("--idle-exit", IdleExit), cluster.StartWorker("--idle-exit", IdleExit) };
        var (frozen, trialId) = await ClusterSweepTests.HolderOfATrialAsync(cluster, workers);
        var survivor = workers.Single(w => w != frozen);

        // when that worker is frozen (SIGSTOP), the sweep finishes on the other one, and then it is woken (SIGCONT)
        frozen.Freeze();
        var frozenAt = DateTimeOffset.UtcNow;
        try
        {
            Assert.Equal(0, await coordinator.WaitForExitAsync(SweepTimeout));
        }
        finally
        {
            frozen.Wake();
        }
        var wokenAt = DateTimeOffset.UtcNow;

        // then every trial is recorded once (the frozen one ran again elsewhere)
        ClusterSweepTests.AssertEachTrialOnce(cluster, 6);
        Assert.Contains(cluster.Dispatches(), d => d.Property("TrialId") == trialId && d.Property("Node") == survivor.WorkerNodeName);
        Assert.Equal(0, await survivor.WaitForExitAsync(ExitTimeout));
        // and the woken worker leaves by itself, exit 0, within its idle time after it noticed (plus failure detection)
        Assert.Equal(0, await frozen.WaitForExitAsync(ExitTimeout));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"frozen {(wokenAt - frozenAt).TotalSeconds:F1} s; the woken worker's console:\n{frozen.Output}"));
        Assert.Contains("gives up: no coordinator for", frozen.Output);
        // saying what happened in one line each, with no stack trace, and the results still hold each trial once
        Assert.Contains("coordinator 127.0.0.1:", frozen.Output);
        AssertNoStackTrace(frozen);
        ClusterSweepTests.AssertEachTrialOnce(cluster, 6);
    }

    [Fact]
    public async Task Node_with_an_unusable_certificate_exits_2_with_one_line_naming_the_file()
    {
        // given a cluster certificate, and a path where there is none
        using var cluster = new TestCluster(output, trials: 1, epochs: 1);
        var tls = cluster.MakeCertificate();
        var missing = Path.Combine(cluster.Folder, "missing.pfx");

        // when a worker gets the missing file and a coordinator the right file with a wrong password
        var worker = cluster.StartWorker("--tls-cert", missing);
        var coordinator = cluster.StartCoordinator(tls[0], tls[1], "--tls-password", "wrong");

        // then both refuse to start, as bad input, naming the file
        Assert.Equal(2, await worker.WaitForExitAsync(ExitTimeout));
        Assert.Equal($"--tls-cert: {missing} does not exist", worker.Output.Trim());
        Assert.Equal(2, await coordinator.WaitForExitAsync(ExitTimeout));
        Assert.Contains($"--tls-cert: cannot read {tls[1]}: the password is wrong", coordinator.Output);
    }

    private static void AssertNoStackTrace(NodeProcess node) =>
        Assert.False(node.Output.Split('\n').Any(line => line.StartsWith("   at ", StringComparison.Ordinal)), $"{node.Name} printed a stack trace:\n{node.Output}");

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
