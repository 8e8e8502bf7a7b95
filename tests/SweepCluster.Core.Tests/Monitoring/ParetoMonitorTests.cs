using System.Text.Json;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Monitoring;

/// <summary><c>monitor</c> on a multi-objective sweep: the front's size and hypervolume as results arrive, from the logs alone.</summary>
public sealed class ParetoMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly SweepMonitor monitor = new();
    private long line;

    [Fact]
    public void The_front_and_its_hypervolume_follow_the_results()
    {
        // given a sweep over val_loss and active_inputs (both minimised) with the reference (1.5, 25) in its file
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 4, MaxAttempts = 3, Objectives = "val_loss:minimize,active_inputs:minimize", Reference = "1.5,25" });
        Assert.Null(monitor.Snapshot().Front);

        // when (0.5, 10) and (0.4, 20) finish: both on the front. Staircase: (1.5−0.4)·(25−20) + (1.5−0.5)·(20−10) = 5.5 + 10
        Done(1, "s-0", 0.5, 10);
        Done(2, "s-1", 0.4, 20);
        var two = monitor.Snapshot().Front!;
        Assert.Equal((2, 2, true), (two.Size, two.Ranked, two.ReferenceGiven));
        Assert.Equal([1.5, 25], two.Reference);
        Assert.Equal(15.5, two.Hypervolume, 9);

        // then (0.3, 5) dominates both: the front is one trial, (1.5−0.3)·(25−5) = 24
        Done(3, "s-2", 0.3, 5);
        var one = monitor.Snapshot().Front!;
        Assert.Equal((1, 3), (one.Size, one.Ranked));
        Assert.Equal(24, one.Hypervolume, 9);
        var json = JsonDocument.Parse(MonitorJson.Write(monitor.Snapshot(), [])).RootElement.GetProperty("pareto");
        Assert.Equal(1, json.GetProperty("front_size").GetInt32());
        Assert.Equal(24, json.GetProperty("hypervolume").GetDouble(), 9);
        Assert.Equal("active_inputs", json.GetProperty("objectives")[1].GetProperty("name").GetString());
        Assert.Equal("sweep_file", json.GetProperty("reference_from").GetString());
    }

    [Fact]
    public void Without_a_reference_it_takes_the_worst_plus_a_tenth_of_the_range_and_a_maximised_objective_counts_upward()
    {
        // val_loss minimised, val_accuracy maximised; (0.2, 0.9) and (0.4, 0.95) both on the front
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 2, MaxAttempts = 3, Objectives = "val_loss:minimize,val_accuracy:maximize" });
        Done(1, "s-0", 0.2, 0, accuracy: 0.9);
        Done(2, "s-1", 0.4, 0, accuracy: 0.95);

        // reference: loss 0.4 + 0.02 = 0.42; accuracy 0.9 − 0.005 = 0.895. Minimised: (0.2, −0.9), (0.4, −0.95), ref (0.42, −0.895):
        // (0.42−0.2)·(−0.895+0.9) + (0.42−0.4)·(−0.9+0.95) = 0.0011 + 0.001
        var front = monitor.Snapshot().Front!;
        Assert.Equal(2, front.Size);
        Assert.Equal(0.42, front.Reference[0], 12);
        Assert.Equal(0.895, front.Reference[1], 12);
        Assert.Equal(0.0021, front.Hypervolume, 12);
        Assert.False(front.ReferenceGiven);
    }

    [Fact]
    public void A_sweep_with_one_objective_has_no_front_and_its_json_no_pareto_field()
    {
        Apply(0, EventTemplates.SweepStarted, new { SweepId = "s", Total = 1, MaxAttempts = 3, Metric = "val_loss", Goal = "minimize" });
        Done(1, "s-0", 0.5, 10);

        Assert.Null(monitor.Snapshot().Front);
        Assert.False(JsonDocument.Parse(MonitorJson.Write(monitor.Snapshot(), [])).RootElement.TryGetProperty("pareto", out _));
    }

    [Fact]
    public void The_log_properties_are_written_for_several_objectives_only()
    {
        MetricSpec[] two = [MetricSpec.Default, new("active_inputs", MetricGoal.Minimize)];

        Assert.Equal(("val_loss:minimize,active_inputs:minimize", "1.5,25"), MonitorObjectives.Format(two, [1.5, 25]));
        Assert.Null(MonitorObjectives.Format([MetricSpec.Default], null));
    }

    private void Done(int second, string trialId, double valLoss, int activeInputs, double accuracy = 0.5)
    {
        Apply(second, EventTemplates.TrialResult, new
        {
            SweepId = "s", TrialId = trialId, Worker = "w", Status = "completed", EpochsRun = 1, SamplesPerSecond = 10.0,
            ValLoss = valLoss, ValAccuracy = accuracy, ActiveInputs = activeInputs,
        });
        Apply(second, EventTemplates.TrialFinished, new { SweepId = "s", TrialId = trialId, Worker = "w", ValLoss = valLoss, Sparsity = 0.1 });
    }

    private void Apply(int second, string template, object properties)
    {
        var json = JsonSerializer.SerializeToNode(properties)!.AsObject();
        json["@t"] = Start.AddSeconds(second).ToString("O");
        json["@mt"] = template;
        monitor.Apply(ClefParser.TryParse(json.ToJsonString(), "test.clef", ++line)!);
    }
}
