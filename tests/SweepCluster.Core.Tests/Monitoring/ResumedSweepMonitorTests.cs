using System.Text.Json;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Core.Tests.Monitoring;

public sealed class ResumedSweepMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private long line;

    [Fact]
    public void A_resumed_sweep_keeps_the_earlier_runs_trials_and_counts_its_rate_from_the_resume()
    {
        // given a run of 4 trials stopped with one done and one running, then resumed (2 kept: one finished unlogged)
        var monitor = new SweepMonitor();
        monitor.ApplyAll([
            Event(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 4, MaxAttempts = 3 }),
            Event(1, EventTemplates.TrialStarted, new { SweepId = "s", TrialId = "s-0", Worker = "w0" }),
            Event(1, EventTemplates.TrialStarted, new { SweepId = "s", TrialId = "s-1", Worker = "w1" }),
            Event(2, EventTemplates.TrialFinished, new { SweepId = "s", TrialId = "s-0", Worker = "w0", ValLoss = 0.5, Sparsity = 0.1 }),
            Event(3, EventTemplates.SweepStopping, new { SweepId = "s", Running = 1 }),
            Event(60, EventTemplates.SweepResumed, new { SweepId = "s", Settled = 2, Total = 4, Adopted = 1, MaxAttempts = 3, Metric = "val_loss", Goal = "minimize" }),
            Event(61, EventTemplates.TrialStarted, new { SweepId = "s", TrialId = "s-2", Worker = "w2" }),
            Event(62, EventTemplates.TrialFinished, new { SweepId = "s", TrialId = "s-2", Worker = "w2", ValLoss = 0.4, Sparsity = 0.1 }),
        ]);

        // when folded a minute after the resume
        var snapshot = monitor.Snapshot(Start.AddSeconds(120));

        // then it is running again with 2 kept, the earlier run's trial and worker are no longer running, and only the
        // trial settled since the resume counts for the rate
        Assert.Equal((SweepState.Running, 2L), (snapshot.State, snapshot.Kept));
        Assert.Equal((2L, 0L, 1L), (snapshot.Done, snapshot.Running, snapshot.Queued));
        Assert.DoesNotContain(snapshot.Workers, w => w.Worker is "w0" or "w1");
        Assert.Equal(1.0, snapshot.TrialsPerMinute!.Value, 6);
        Assert.Equal("s-2", snapshot.Best?.TrialId);
    }

    [Fact]
    public void A_log_holding_only_the_resumed_run_still_counts_the_kept_trials_as_settled()
    {
        // given only the resumed run's log: 3 of 4 kept, nothing run yet
        var monitor = new SweepMonitor();
        monitor.Apply(Event(0, EventTemplates.SweepResumed, new { SweepId = "s", Settled = 3, Total = 4, Adopted = 0, MaxAttempts = 3 }));

        // when folded
        var snapshot = monitor.Snapshot();

        // then one trial is left to run
        Assert.Equal(("s", SweepState.Running, 3L, 1L), (snapshot.SweepId, snapshot.State, snapshot.Kept, snapshot.Queued));
        Assert.Contains("\"kept\": 3", MonitorJson.Write(snapshot, []));
    }

    private LogEvent Event(int second, string template, object properties)
    {
        var json = JsonSerializer.SerializeToNode(properties)!.AsObject();
        json["@t"] = Start.AddSeconds(second).ToString("O");
        json["@mt"] = template;
        return ClefParser.TryParse(json.ToJsonString(), "test.clef", ++line)!;
    }
}
