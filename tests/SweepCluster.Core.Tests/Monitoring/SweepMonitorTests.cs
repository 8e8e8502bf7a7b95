using SweepCluster.Core.Monitoring;

namespace SweepCluster.Core.Tests.Monitoring;

public class SweepMonitorTests
{
    private static (MonitorSnapshot Snapshot, LogTail Tail) Fold(params string[] paths)
    {
        var tail = new LogTail(paths);
        var monitor = new SweepMonitor();
        monitor.ApplyAll(tail.ReadNew(final: true));
        return (monitor.Snapshot() with { UnreadableLines = tail.UnreadableLines }, tail);
    }

    [Fact]
    public void Recorded_two_worker_run_gives_the_counts_and_the_best_trial()
    {
        // Given the rolled logs of a finished run (11 completed, 2 diverged, 1 failed on every attempt), when folded
        var (snapshot, tail) = Fold(RecordedLogs.Folder);

        // Then the counts are the coordinator's, and the best trial carries its swept parameters
        Assert.Equal(2, tail.Files.Count);
        Assert.Equal("monitor-demo", snapshot.SweepId);
        Assert.Equal("finished", snapshot.State);
        Assert.Equal(14, snapshot.Total);
        Assert.Equal(13, snapshot.Done);
        Assert.Equal(1, snapshot.Failed);
        Assert.Equal(0, snapshot.Running);
        Assert.Equal(0, snapshot.Queued);
        Assert.Equal(TimeSpan.Zero, snapshot.Eta);
        var best = Assert.IsType<BestTrial>(snapshot.Best);
        Assert.Equal("monitor-demo-11", best.TrialId);
        Assert.Equal("val_loss", best.Metric);
        Assert.Equal(0.4380495071411133, best.Value, 12);
        Assert.Equal("1.315e-02", best.Parameters["lambda"]);
        Assert.Equal("[16]", best.Parameters["widths"]);
        Assert.Equal("cpu", best.Parameters["device"]);
    }

    [Fact]
    public void Torn_last_line_is_skipped_and_counted()
    {
        var (snapshot, _) = Fold(RecordedLogs.Folder);
        Assert.Equal(1, snapshot.UnreadableLines);
        Assert.Equal(137, snapshot.EventsRead);
    }

    [Fact]
    public void Failures_list_every_failed_attempt_and_the_diverged_trials_newest_first()
    {
        var (snapshot, _) = Fold(RecordedLogs.Folder);

        var failed = snapshot.RecentFailures.Where(f => f.Kind == "failed").ToList();
        Assert.Equal([3, 2, 1], failed.Select(f => f.Attempt!.Value));
        Assert.All(failed, f => Assert.Equal("monitor-demo-12", f.TrialId));
        Assert.All(failed, f => Assert.Contains("CUDA is not available", f.Reason));
        Assert.True(failed[0].Final);
        Assert.False(failed[1].Final);
        var diverged = snapshot.RecentFailures.Where(f => f.Kind == "diverged").Select(f => f.TrialId).Order().ToList();
        Assert.Equal(["monitor-demo-13", "monitor-demo-7"], diverged);
        Assert.Contains(snapshot.RecentFailures, f => f.Reason.StartsWith("loss became NaN", StringComparison.Ordinal));
        Assert.True(snapshot.RecentFailures.Zip(snapshot.RecentFailures.Skip(1)).All(p => p.First.Time >= p.Second.Time));
    }

    [Fact]
    public void Workers_share_the_trials_and_report_throughput()
    {
        var (snapshot, _) = Fold(RecordedLogs.Folder);

        Assert.Equal(["vm/worker-0", "vm/worker-1"], snapshot.Workers.Select(w => w.Worker));
        Assert.Equal(14, snapshot.Workers.Sum(w => w.TrialsFinished));
        Assert.All(snapshot.Workers, w =>
        {
            Assert.Null(w.TrialId);
            Assert.Equal("vm", w.Node);
            Assert.True(w.TrialsPerMinute > 0);
            Assert.True(w.SamplesPerSecond > 0);
        });
    }

    [Fact]
    public void Files_merge_by_time_whatever_order_they_are_given_in()
    {
        var forward = Fold(RecordedLogs.File("vm.clef"), RecordedLogs.File("vm_001.clef")).Snapshot;
        var backward = Fold(RecordedLogs.File("vm_001.clef"), RecordedLogs.File("vm.clef")).Snapshot;

        Assert.Equal(MonitorJson.Write(forward, []), MonitorJson.Write(backward, []));
    }

    [Fact]
    public void The_first_half_of_the_run_shows_running_and_queued_trials_and_an_eta()
    {
        // Given only the first rolled file (the run as seen part-way through)
        var (snapshot, _) = Fold(RecordedLogs.File("vm.clef"));

        // Then some trials are done, some run on the workers, the rest are queued, and an ETA is extrapolated
        Assert.Equal("running", snapshot.State);
        Assert.True(snapshot.Done > 0);
        Assert.Equal(snapshot.Running, snapshot.Workers.Count(w => w.TrialId is not null));
        Assert.Equal(14, snapshot.Done + snapshot.Running + snapshot.Queued + snapshot.Failed);
        Assert.NotNull(snapshot.Eta);
        Assert.True(snapshot.Eta > TimeSpan.Zero);
    }
}
