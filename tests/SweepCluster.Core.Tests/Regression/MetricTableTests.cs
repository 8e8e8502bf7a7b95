using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Regression;

public class MetricTableTests
{
    [Fact]
    public void Each_task_has_its_own_metrics_and_shares_the_rest()
    {
        Assert.Equal(["val_loss", "val_accuracy", "train_loss", "sparsity", "l1_norm", "active_inputs"],
            MetricTable.For(SweepTask.Classification).Select(m => m.Name));
        Assert.Equal(["val_loss", "val_r2", "val_rmse", "val_mae", "train_loss", "sparsity", "l1_norm", "active_inputs"],
            MetricTable.For(SweepTask.Regression).Select(m => m.Name));
    }

    [Fact]
    public void Per_epoch_metrics_are_those_an_epoch_record_holds()
    {
        Assert.Equal(["val_loss", "val_accuracy", "train_loss"], EpochMetric.NamesFor(SweepTask.Classification));
        Assert.Equal(["val_loss", "val_r2", "val_rmse", "val_mae", "train_loss"], EpochMetric.NamesFor(SweepTask.Regression));
        var epoch = new EpochRecord(3, 2.0, 1.5, null, ValRmse: 1.2, ValMae: 0.9, ValR2: 0.8);
        Assert.Equal(0.8, EpochMetric.Value(epoch, "val_r2"));
        Assert.Null(EpochMetric.Value(epoch, "val_accuracy"));
        Assert.Null(EpochMetric.Value(epoch, "sparsity"));
    }

    [Fact]
    public void The_monitor_the_ranking_and_the_default_goals_read_the_table()
    {
        Assert.Equal(MetricTable.All.Select(m => m.Name), LeaderboardRanking.Metrics);
        Assert.Equal("ValR2", MetricTable.Get("val_r2").Property);
        Assert.Equal(MetricGoal.Maximize, MetricTable.DefaultGoal("val_r2"));
        Assert.Equal(MetricGoal.Minimize, MetricTable.DefaultGoal("val_mae"));
    }

    [Fact]
    public void A_regression_leaderboard_has_the_regression_metrics_and_no_accuracy()
    {
        var fields = new LeaderboardFields(["lambda"], SweepTask.Regression);
        var columns = new LeaderboardColumns(["lambda"], SweepTask.Regression);

        Assert.Equal(["val_loss", "val_r2", "val_rmse", "val_mae", "train_loss"], fields.MetricNames.Take(5));
        Assert.DoesNotContain("val_accuracy", fields.Names);
        Assert.Equal(["val_loss", "val_r2", "val_rmse", "val_mae", "sparsity"], columns.Names.SkipWhile(n => n != "val_loss").Take(5));
        Assert.DoesNotContain("val_accuracy", columns.Names);
    }
}
