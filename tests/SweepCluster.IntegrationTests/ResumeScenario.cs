using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// Kill the coordinator (SIGKILL) once some trials are recorded, start it again with the same arguments, and
/// check that the sweep completes with each trial once and that no trial recorded before the crash was
/// dispatched again. The worker processes are not restarted: they rejoin the new coordinator.
/// </summary>
internal static class ResumeScenario
{
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(150);

    /// <summary>
    /// Epochs per trial of the scenario's sweep: long enough (seconds per trial) that the restarted coordinator is
    /// still running when a worker that downed itself while the coordinator was dead has rejoined. With short trials
    /// the other worker could finish the sweep first, and the late one would wait for a coordinator that had already
    /// left until its --idle-exit (600 s by default) ran out.
    /// </summary>
    public const int Epochs = 160;

    public static async Task RunAsync(TestCluster cluster, ITestOutputHelper output, string[] coordinatorArguments)
    {
        // given a sweep under way on two workers, with some trials recorded
        var workers = await ClusterSweepTests.StartWorkersAsync(cluster, 2);
        var coordinator = cluster.StartCoordinator(coordinatorArguments);
        await cluster.WaitUntilAsync(() => cluster.RecordedTrialIds().Count >= 3, SweepTimeout, "three trials are recorded");

        // when the coordinator is killed and started again
        coordinator.Kill();
        await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var finishedBefore = cluster.RecordedTrialIds().ToHashSet();
        var restartedAt = DateTimeOffset.UtcNow;
        var restarted = cluster.StartCoordinator(coordinatorArguments);
        var exit = await restarted.WaitForExitAsync(SweepTimeout);

        // then it resumed, finished, and never dispatched a trial recorded before the crash again
        Assert.Equal(0, exit);
        ClusterSweepTests.AssertEachTrialOnce(cluster, 8);
        Assert.Contains(cluster.Events(), e => e.Template == EventTemplates.SweepResumed);
        // (before the crash a trial may have been dispatched twice: a worker hands back the surplus of a pack)
        var dispatchedAgain = cluster.Dispatches().Where(d => d.Time > restartedAt).Select(d => d.Property("TrialId")!).ToHashSet();
        Assert.Empty(finishedBefore.Intersect(dispatchedAgain));
        var dispatches = cluster.Dispatches().GroupBy(d => d.Property("TrialId")!).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"finished before the crash: {string.Join(", ", finishedBefore.Order())}; dispatches per trial: "
            + string.Join(", ", dispatches.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        foreach (var worker in workers)
        {
            Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }
    }
}
