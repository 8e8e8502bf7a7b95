using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;

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
        Assert.Equal(SweepState.Finished, snapshot.State);
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

        var failed = snapshot.RecentFailures.Where(f => f.Kind == TrialStatus.Failed).ToList();
        Assert.Equal([3, 2, 1], failed.Select(f => f.Attempt!.Value));
        Assert.All(failed, f => Assert.Equal("monitor-demo-12", f.TrialId));
        Assert.All(failed, f => Assert.Contains("CUDA is not available", f.Reason));
        Assert.True(failed[0].Final);
        Assert.False(failed[1].Final);
        var diverged = snapshot.RecentFailures.Where(f => f.Kind == TrialStatus.Diverged).Select(f => f.TrialId).Order().ToList();
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
        Assert.Equal(SweepState.Running, snapshot.State);
        Assert.True(snapshot.Done > 0);
        Assert.Equal(snapshot.Running, snapshot.Workers.Count(w => w.TrialId is not null));
        Assert.Equal(14, snapshot.Done + snapshot.Running + snapshot.Queued + snapshot.Failed);
        Assert.NotNull(snapshot.Eta);
        Assert.True(snapshot.Eta > TimeSpan.Zero);
    }

    [Fact]
    public void Importance_covers_the_ranked_trials_parameters_and_sums_to_one()
    {
        // Given the recorded run (11 completed trials; the diverged and failed ones do not rank)
        var monitor = new SweepMonitor();
        monitor.ApplyAll(new LogTail([RecordedLogs.Folder]).ReadNew(final: true));

        // When the importance is asked for
        var importance = monitor.Importance();

        // Then it names every parameter of the result events once, fitted on the 11 ranked trials, shares summing to 1
        Assert.NotNull(importance);
        Assert.Equal(11, importance.Trials);
        Assert.Equal(["device", "lambda", "learning_rate", "widths"], importance.Ranked.Select(p => p.Parameter).Order());
        Assert.Equal(1.0, importance.Ranked.Sum(p => p.Importance), 12);
        // device (cpu) and learning_rate (5e-02) have one value each among the ranked trials
        Assert.Equal(0, importance.Ranked.Single(p => p.Parameter == "device").Importance);
        Assert.Equal(0, importance.Ranked.Single(p => p.Parameter == "learning_rate").Importance);
    }

    [Fact]
    public void Importance_needs_eight_ranked_trials_and_is_null_in_json_until_then()
    {
        // Given only the first part of the run, with fewer than 8 trials done
        var monitor = new SweepMonitor();
        monitor.ApplyAll(new LogTail([RecordedLogs.File("vm.clef")]).ReadNew(final: true).Take(40));
        var snapshot = monitor.Snapshot() with { Importance = monitor.Importance() };

        // Then there is no importance, and monitor --json says null
        Assert.Null(snapshot.Importance);
        Assert.Contains("\"importance\": null", MonitorJson.Write(snapshot, []));
    }
}
