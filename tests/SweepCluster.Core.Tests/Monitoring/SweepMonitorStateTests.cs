using System.Text.Json;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Monitoring;

/// <summary>The typed states <see cref="SweepMonitor"/> folds events into: the sweep's, each trial's status, the metric's goal.</summary>
public sealed class SweepMonitorStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly SweepMonitor monitor = new();
    private long line;

    [Fact]
    public void A_sweep_is_waiting_until_it_starts_then_running_stopping_and_finished()
    {
        // given no event yet
        Assert.Equal(SweepState.Waiting, monitor.Snapshot(Start).State);

        // when the coordinator's events arrive one by one, then the state follows them
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 2, MaxAttempts = 3 });
        Assert.Equal(SweepState.Running, monitor.Snapshot().State);
        Apply(1, EventTemplates.SweepStopping, new { SweepId = "s", Running = 1 });
        Assert.Equal(SweepState.Stopping, monitor.Snapshot().State);
        Apply(2, EventTemplates.SweepFinished, new { SweepId = "s", Done = 1, Failed = 0 });
        Assert.Equal(SweepState.Finished, monitor.Snapshot().State);
    }

    [Fact]
    public void A_new_start_after_a_finished_sweep_runs_again_and_another_sweeps_finish_is_ignored()
    {
        // given a finished sweep, then a new run of it in the same log folder
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 1, MaxAttempts = 3 });
        Apply(1, EventTemplates.SweepFinished, new { SweepId = "s", Done = 1, Failed = 0 });
        Apply(2, EventTemplates.SweepStarted, new { SweepId = "s", Total = 1, MaxAttempts = 3 });

        // when another sweep sharing the log finishes
        Apply(3, EventTemplates.SweepFinished, new { SweepId = "other", Done = 1, Failed = 0 });

        // then the new run is running, and its finished rate is not frozen (ETA unknown, not zero)
        var snapshot = monitor.Snapshot(Start.AddSeconds(10));
        Assert.Equal((SweepState.Running, (TimeSpan?)null), (snapshot.State, snapshot.Eta));
    }

    [Fact]
    public void A_trials_status_comes_from_its_result_event_or_its_final_failure()
    {
        // given four trials: stopped early, diverged, failed on its last attempt, and one with a status this version lacks
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 4, MaxAttempts = 2 });
        Result(1, "s-0", "stopped_early", valLoss: 0.3);
        Finished(1, "s-0", 0.3);
        Result(2, "s-1", "diverged", valLoss: double.NaN);
        Finished(2, "s-1", double.NaN);
        Apply(3, EventTemplates.TrialFailed, new { SweepId = "s", TrialId = "s-2", Worker = "w", Attempt = 1, MaxAttempts = 2, Reason = "disk full" });
        Apply(4, EventTemplates.TrialFailed, new { SweepId = "s", TrialId = "s-2", Worker = "w", Attempt = 2, MaxAttempts = 2, Reason = "disk full" });
        Result(5, "s-3", "exploded", valLoss: 0.1);

        // when folded
        var statuses = monitor.Trials().ToDictionary(t => t.TrialId, t => (t.Phase, t.Status));
        var snapshot = monitor.Snapshot();

        // then each status is typed, a stopped-early trial counts as such, and the failures name their kind
        Assert.Equal((TrialPhase.Done, (TrialStatus?)TrialStatus.StoppedEarly), statuses["s-0"]);
        Assert.Equal((TrialPhase.Done, (TrialStatus?)TrialStatus.Diverged), statuses["s-1"]);
        Assert.Equal((TrialPhase.Failed, (TrialStatus?)TrialStatus.Failed), statuses["s-2"]);
        Assert.Equal((TrialPhase.Queued, (TrialStatus?)null), statuses["s-3"]);
        Assert.Equal(1, snapshot.StoppedEarly);
        Assert.Equal([TrialStatus.Failed, TrialStatus.Failed, TrialStatus.Diverged], snapshot.RecentFailures.Select(f => f.Kind));
        Assert.Equal([true, false, true], snapshot.RecentFailures.Select(f => f.Final));
    }

    [Fact]
    public void The_goal_the_start_event_logs_decides_the_best_trial()
    {
        // given a sweep ranked by val_loss that the sweep file asked to maximize (the table's default is minimize)
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 2, MaxAttempts = 1, Metric = "val_loss", Goal = "maximize" });
        Finished(1, "s-0", 0.2);
        Finished(2, "s-1", 0.7);

        // when folded
        var snapshot = monitor.Snapshot();

        // then the larger loss is the best, and --json names the goal as logged
        Assert.Equal((MetricGoal.Maximize, "s-1"), (snapshot.Goal, snapshot.Best?.TrialId));
        Assert.Contains("\"goal\": \"maximize\"", MonitorJson.Write(snapshot, []));
    }

    [Fact]
    public void Without_a_logged_goal_the_metric_tables_goal_decides_the_best_trial()
    {
        // given a start event from a log without the goal, ranked by sparsity (maximize in the table)
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 2, MaxAttempts = 1, Metric = "sparsity" });
        Finished(1, "s-0", 0.5, sparsity: 0.9);
        Finished(2, "s-1", 0.4, sparsity: 0.6);

        // when folded
        var snapshot = monitor.Snapshot();

        // then the sparser trial is the best
        Assert.Equal((MetricGoal.Maximize, "s-0", (double?)0.9), (snapshot.Goal, snapshot.Best?.TrialId, snapshot.Best?.Value));
    }

    [Fact]
    public void The_result_event_gives_every_metric_of_the_table_it_carries()
    {
        // given a regression trial's result event with its task's metrics (the worker logs them under the table's properties)
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 1, MaxAttempts = 1, Metric = "val_r2", Goal = "maximize" });
        Apply(1, EventTemplates.TrialResult, new
        {
            SweepId = "s", TrialId = "s-0", Worker = "w", Status = "completed", EpochsRun = 3, SamplesPerSecond = 100.0,
            ValLoss = 0.5, ValR2 = 0.81, ValRmse = 0.7, ValMae = 0.4, TrainLoss = 0.45, Sparsity = 0.2, L1Norm = 12.5, ActiveInputs = 4,
        });
        Finished(2, "s-0", 0.5);

        // when folded, then the trial holds each under its name, and ranks by val_r2
        var metrics = Assert.Single(monitor.Trials()).Metrics;
        Assert.Equal(
            [("active_inputs", 4), ("l1_norm", 12.5), ("sparsity", 0.2), ("train_loss", 0.45), ("val_loss", 0.5), ("val_mae", 0.4), ("val_r2", 0.81), ("val_rmse", 0.7)],
            metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, m.Value)));
        var best = monitor.Snapshot().Best;
        Assert.Equal(("val_r2", (double?)0.81, (int?)4), (best?.Metric, best?.Value, best?.ActiveInputs));
    }

    private void Result(int second, string trialId, string status, double valLoss) =>
        Apply(second, EventTemplates.TrialResult, new { SweepId = "s", TrialId = trialId, Worker = "w", Status = status, EpochsRun = 1, SamplesPerSecond = 10.0, ValLoss = valLoss });

    private void Finished(int second, string trialId, double valLoss, double sparsity = 0.1) =>
        Apply(second, EventTemplates.TrialFinished, new { SweepId = "s", TrialId = trialId, Worker = "w", ValLoss = valLoss, Sparsity = sparsity });

    private void Apply(int second, string template, object properties)
    {
        var json = JsonSerializer.SerializeToNode(properties, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals })!.AsObject();
        json["@t"] = Start.AddSeconds(second).ToString("O");
        json["@mt"] = template;
        monitor.Apply(ClefParser.TryParse(json.ToJsonString(), "test.clef", ++line)!);
    }
}
