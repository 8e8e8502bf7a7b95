using System.Globalization;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

[Collection(ProcessCollection.Name)]
public sealed class ClusterSweepTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Coordinator_and_two_workers_finish_the_sweep_with_each_trial_ranked_once()
    {
        // given two worker processes and a coordinator
        using var cluster = new TestCluster(output, trials: 8);
        var workers = await StartWorkersAsync(cluster, 2);
        var coordinator = cluster.StartCoordinator();

        // when the sweep runs
        var exit = await coordinator.WaitForExitAsync(SweepTimeout);

        // then it succeeds, every trial is ranked once, both nodes trained, and the workers go home
        Assert.Equal(0, exit);
        AssertEachTrialOnce(cluster, 8);
        Assert.All(workers, w => Assert.Contains(cluster.Dispatches(), d => d.Property("Node") == w.WorkerNodeName));
        foreach (var worker in workers)
        {
            Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));
        }
    }

    [Fact]
    public async Task Packs_of_256_trials_reach_a_remote_worker_and_every_one_of_600_trials_finishes()
    {
        // given a remote worker that takes packs of 256 (one such assignment is larger than Akka's default 128,000-byte frame)
        using var cluster = new TestCluster(output, TestCluster.TinySweepYaml(600));
        var worker = (await StartWorkersAsync(cluster, 1, "--pack-size", "256"))[0];
        var coordinator = cluster.StartCoordinator();

        // when the sweep runs
        var exit = await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(300));

        // then every trial is recorded once, and at least one pack of 256 crossed the network whole
        Assert.True(exit == 0, cluster.Describe());
        AssertEachTrialOnce(cluster, 600);
        Assert.Contains(cluster.Dispatches(), d => d.Property("Pack") == "256");
        Assert.DoesNotContain(cluster.Events(), e => e.Template == EventTemplates.PackShrunkForFrame || e.Template == EventTemplates.TrialRequeuedUnacknowledged);
        Assert.Equal(0, await worker.WaitForExitAsync(ExitTimeout));
    }

    [Fact]
    public async Task Worker_killed_mid_trial_its_trial_is_requeued_and_finishes_once_elsewhere()
    {
        // given two workers, one of them holding a trial
        using var cluster = new TestCluster(output, trials: 8);
        var workers = await StartWorkersAsync(cluster, 2);
        var coordinator = cluster.StartCoordinator();
        var (doomed, trialId) = await HolderOfATrialAsync(cluster, workers);
        var survivor = workers.Single(w => w != doomed);

        // when that worker process is killed (SIGKILL)
        var killedAt = DateTimeOffset.UtcNow;
        doomed.Kill();
        var exit = await coordinator.WaitForExitAsync(SweepTimeout);

        // then its trial was re-queued, ran again on the other worker, and every trial is ranked exactly once
        Assert.Equal(0, exit);
        AssertEachTrialOnce(cluster, 8);
        var again = cluster.Dispatches().First(d => d.Property("TrialId") == trialId && d.Time > killedAt);
        Assert.Equal(survivor.WorkerNodeName, again.Property("Node"));
        Assert.Contains(cluster.Events(), e => e.Template == EventTemplates.TrialRequeuedTerminated
            && e.Property("TrialId") == trialId);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"re-dispatch after SIGKILL: trial {trialId} killed at {killedAt:HH:mm:ss.fff}, dispatched again at {again.Time:HH:mm:ss.fff}: {(again.Time - killedAt).TotalSeconds:F2} s"));
    }

    [Fact]
    public async Task Worker_stopped_with_SIGTERM_hands_its_trial_back_instead_of_recording_it_interrupted()
    {
        // given two workers, one of them holding a trial; trials of 200 epochs (seconds each, more under load) so that the
        // trial found running cannot finish before the signal lands, which would leave nothing to hand back
        using var cluster = new TestCluster(output, trials: 4, epochs: 200);
        var workers = await StartWorkersAsync(cluster, 2);
        var coordinator = cluster.StartCoordinator();
        var (leaving, trialId) = await HolderOfATrialAsync(cluster, workers);

        // when that worker gets SIGTERM
        leaving.Terminate();

        // then it leaves cleanly, its trial is re-queued (not recorded as interrupted) and the sweep completes
        Assert.Equal(0, await leaving.WaitForExitAsync(ExitTimeout));
        Assert.Equal(0, await coordinator.WaitForExitAsync(SweepTimeout));
        AssertEachTrialOnce(cluster, 4);
        Assert.Contains(cluster.Events(), e => e.Template == EventTemplates.TrialRequeuedHandedBack
            && e.Property("TrialId") == trialId);
        Assert.DoesNotContain("\"interrupted\"", File.ReadAllText(Path.Combine(cluster.OutputDirectory, "results.jsonl")));
    }

    [Fact]
    public async Task Worker_started_before_the_coordinator_and_worker_joining_late_both_get_work()
    {
        // given a worker that starts before there is any coordinator
        using var cluster = new TestCluster(output, trials: 10);
        var early = cluster.StartWorker();
        await cluster.WaitUntilAsync(() => cluster.Events().Any(e => e.Template.StartsWith("Worker node {Node} started", StringComparison.Ordinal)),
            SweepTimeout, "the early worker is up");

        // when the coordinator starts, and a second worker joins once trials have finished
        var coordinator = cluster.StartCoordinator();
        await cluster.WaitUntilAsync(() => cluster.RecordedTrialIds().Count >= 2, SweepTimeout, "two trials are recorded");
        var late = cluster.StartWorker();
        var exit = await coordinator.WaitForExitAsync(SweepTimeout);

        // then both trained trials and every trial is ranked once
        Assert.Equal(0, exit);
        AssertEachTrialOnce(cluster, 10);
        Assert.Contains(cluster.Dispatches(), d => d.Property("Node") == early.WorkerNodeName);
        Assert.Contains(cluster.Dispatches(), d => d.Property("Node") == late.WorkerNodeName);
    }

    [Fact]
    public async Task Killed_coordinator_restarted_resumes_without_retraining_finished_trials()
    {
        using var cluster = new TestCluster(output, trials: 8, epochs: ResumeScenario.Epochs);
        await ResumeScenario.RunAsync(cluster, output, []);
    }

    [Fact]
    public async Task Resuming_with_a_changed_sweep_definition_is_refused()
    {
        // given a finished sweep
        using var cluster = new TestCluster(output, trials: 2, epochs: 2);
        var first = cluster.StartCoordinator();
        cluster.StartWorker();
        Assert.Equal(0, await first.WaitForExitAsync(SweepTimeout));

        // when the coordinator runs again on the same output with a changed definition
        var changed = cluster.StartCoordinator("--set", "training.epochs=3");

        // then it refuses with bad-input exit code and says why: another definition, and which setting differs
        Assert.Equal(2, await changed.WaitForExitAsync(ExitTimeout));
        Assert.Contains("another definition", changed.Output);
        Assert.Contains("training.epochs 2 → 3", changed.Output);
    }

    internal static void AssertEachTrialOnce(TestCluster cluster, int trials)
    {
        var expected = TestCluster.AllTrialIds(trials).Order().ToList();
        Assert.Equal(expected, cluster.RecordedTrialIds().Order().ToList());
        Assert.Equal(expected, cluster.LeaderboardTrialIds().Order().ToList());
    }

    /// <summary>Starts worker nodes and waits until each is up (and trying to join), so that all of them take part from the start.</summary>
    internal static async Task<NodeProcess[]> StartWorkersAsync(TestCluster cluster, int count, params string[] options)
    {
        var workers = Enumerable.Range(0, count).Select(_ => cluster.StartWorker(options)).ToArray();
        await cluster.WaitUntilAsync(() => workers.All(w => cluster.Events().Any(e => e.Template.StartsWith("Worker node {Node} started", StringComparison.Ordinal)
            && e.Property("Node") == w.WorkerNodeName)), SweepTimeout, "every worker node is up");
        return workers;
    }

    /// <summary>A worker that has been training a trial for 300 ms (so it is mid-trial), and that trial.</summary>
    internal static async Task<(NodeProcess Worker, string TrialId)> HolderOfATrialAsync(TestCluster cluster, IReadOnlyList<NodeProcess> workers)
    {
        (NodeProcess, string)? found = null;
        await cluster.WaitUntilAsync(() => (found = RunningOnAny(cluster, workers)) is not null, SweepTimeout, "a worker is training a trial");
        return found!.Value;
    }

    private static (NodeProcess, string)? RunningOnAny(TestCluster cluster, IReadOnlyList<NodeProcess> workers)
    {
        var recorded = cluster.RecordedTrialIds().ToHashSet();
        var cutoff = DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(300);
        var running = cluster.Dispatches().LastOrDefault(d => !recorded.Contains(d.Property("TrialId")!) && d.Time < cutoff
            && workers.Any(w => w.WorkerNodeName == d.Property("Node")));
        return running is null ? null : (workers.Single(w => w.WorkerNodeName == running.Property("Node")), running.Property("TrialId")!);
    }
}
