using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Results;

public class RankableMetricsTests
{
    private static readonly TrialMetrics Metrics =
        new(0.5, 0.75, 0.25, 2.5, 0.4, 0.125, [0.4], 4, 1234, 3, 2, 6.5, 100);

    [Fact]
    public void Exact_zero_fraction_parameters_and_seconds_are_rankable_from_the_trials_metrics()
    {
        Assert.Equal((0.125, MetricGoal.Maximize), (MetricTable.Get("exact_zero_fraction").OfTrial(Metrics), MetricTable.DefaultGoal("exact_zero_fraction")));
        Assert.Equal((1234.0, MetricGoal.Minimize), (MetricTable.Get("parameters").OfTrial(Metrics), MetricTable.DefaultGoal("parameters")));
        Assert.Equal((6.5, MetricGoal.Minimize), (MetricTable.Get("seconds").OfTrial(Metrics), MetricTable.DefaultGoal("seconds")));
        Assert.Equal(6.5, LeaderboardRanking.MetricValue(Metrics, "seconds"));
    }

    [Fact]
    public void The_rankable_only_metrics_add_no_output_column_or_log_property()
    {
        string[] added = ["exact_zero_fraction", "parameters", "seconds"];

        Assert.Equal([.. MetricTable.All.Select(m => m.Name), .. added], MetricTable.Rankable.Select(m => m.Name));
        Assert.DoesNotContain(MetricTable.All, m => added.Contains(m.Name));
        Assert.Equal(["val_loss", "val_r2", "val_rmse", "val_mae", "train_loss", "sparsity", "l1_norm", "active_inputs", .. added],
            MetricTable.RankableFor(SweepTask.Regression).Select(m => m.Name));
    }

    [Fact]
    public void A_single_objective_of_seconds_ranks_the_fastest_first()
    {
        var slow = Entries.Completed(0, 0.1) with { Result = Entries.Completed(0, 0.1).Result with { Metrics = Metrics with { Seconds = 9 } } };
        var fast = Entries.Completed(1, 0.9) with { Result = Entries.Completed(1, 0.9).Result with { Metrics = Metrics with { Seconds = 2 } } };

        var rows = new LeaderboardRanking(new MetricSpec("seconds", MetricGoal.Minimize)).Rank([slow, fast]);

        Assert.Equal(["s-1", "s-0"], rows.Select(r => r.Entry.TrialId));
    }
}
