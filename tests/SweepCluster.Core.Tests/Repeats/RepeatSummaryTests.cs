using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Repeats;

public sealed class RepeatSummaryTests
{
    [Fact]
    public void Every_metric_of_the_table_is_averaged_in_the_column_order_repeats_boards_have_always_had()
    {
        // The order of the repeats board's columns before the metric table existed (0ee326a): a reordering would move csv columns.
        Assert.Equal(
            ["val_loss", "val_accuracy", "val_rmse", "val_mae", "val_r2", "train_loss", "sparsity", "exact_zero_fraction", "active_inputs", "l1_norm",
             "parameters", "epochs_run", "best_epoch", "seconds", "samples_per_second"],
            RepeatSummary.NumericMetrics.Select(m => m.Name));
        // and every metric of the table is averaged
        Assert.Empty(MetricTable.Rankable.Select(m => m.Name).Except(RepeatSummary.NumericMetrics.Select(m => m.Name)));
    }

    [Fact]
    public void A_regression_configuration_has_the_mean_and_spread_of_its_task_metrics_and_none_of_accuracy()
    {
        // given two rankable regression repeats
        var ranked = new[] { Regression(valR2: 0.8, valRmse: 1.0, l1Norm: 3.0), Regression(valR2: 0.6, valRmse: 2.0, l1Norm: 5.0) };

        // when summarised
        var summary = RepeatSummary.Of(3, ranked);

        // then each table metric is read through the table: r2 0.7 ± 0.1414, rmse 1.5, l1_norm 4, accuracy absent (NaN)
        Assert.Equal((3, 2), (summary.Recorded, summary.Ranked));
        Assert.Equal(0.7, summary.Of("val_r2").Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), summary.Of("val_r2").Std, 12);
        Assert.Equal(1.5, summary.Of("val_rmse").Mean, 12);
        Assert.Equal(4.0, summary.Of("l1_norm").Mean, 12);
        Assert.True(double.IsNaN(summary.Of("val_accuracy").Mean));
    }

    private static TrialMetrics Regression(double valR2, double valRmse, double l1Norm) =>
        new(0.5, null, 0.4, l1Norm, 0.25, 0.1, [0.25], 3, 50, 4, 2, 1.0, 80.0, ValRmse: valRmse, ValMae: 0.9, ValR2: valR2);
}
