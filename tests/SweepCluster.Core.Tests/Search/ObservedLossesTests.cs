using SweepCluster.Core.Results;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Search;

public class ObservedLossesTests
{
    private static readonly MetricSpec[] LossAndAccuracy = [MetricSpec.Default, new("val_accuracy", MetricGoal.Maximize)];

    private static TrialMetrics Metrics(double valLoss, double? valAccuracy) =>
        new(valLoss, valAccuracy, 0.5, 1, 0.1, 0, [], 3, 100, 1, 1, 0.1, 1000);

    [Fact]
    public void A_completed_trial_gives_each_objective_minimised_in_order()
    {
        var result = new TrialResult("t-0", TrialStatus.Completed, null, Metrics(0.25, 0.875), []);

        Assert.Equal([0.25, -0.875], ObservedLoss.Of(result, LossAndAccuracy));
    }

    [Fact]
    public void A_trial_stopped_early_gives_its_last_reported_values()
    {
        // Given a trial stopped at epoch 2, whose best epoch was the first
        var history = new[] { new EpochRecord(1, 1, 0.5, 0.75), new EpochRecord(2, 1, 0.625, 0.5) };
        var result = new TrialResult("t-1", TrialStatus.StoppedEarly, "asha", Metrics(0.5, 0.75), history);

        Assert.Equal([0.625, -0.5], ObservedLoss.Of(result, LossAndAccuracy));
    }

    [Fact]
    public void A_failed_trial_or_one_objective_missing_gives_no_losses()
    {
        var failed = new TrialResult("t-2", TrialStatus.Failed, "boom", null, []);
        var noAccuracy = new TrialResult("t-3", TrialStatus.Completed, null, Metrics(0.25, null), []);

        Assert.Null(ObservedLoss.Of(failed, LossAndAccuracy));
        Assert.Null(ObservedLoss.Of(noAccuracy, LossAndAccuracy));
        Assert.Equal([0.25], ObservedLoss.Of(noAccuracy, [MetricSpec.Default]));
    }
}
