using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Models;

public class ModelBarTests
{
    private static TrialResult Result(double accuracy, TrialStatus status = TrialStatus.Completed) =>
        new("t", status, null, new TrialMetrics(1 - accuracy, accuracy, 0.5, 1, 0, 0, [0], 2, 10, 3, 3, 1, 1), []);

    private static readonly MetricSpec Accuracy = new("val_accuracy", MetricGoal.Maximize);

    [Fact]
    public void Asks_for_every_model_until_K_results_are_known_then_only_for_one_that_can_enter_the_top_K()
    {
        // given K = 2 on a metric to maximise
        var bar = new ModelBar(Accuracy, 2);
        Assert.Null(bar.Request!.Beat);

        // when three results are seen
        bar.Observe(Result(0.7));
        Assert.Null(bar.Request!.Beat);
        bar.Observe(Result(0.9));
        bar.Observe(Result(0.8));
        bar.Observe(Result(0.99, TrialStatus.Diverged));

        // then the bar is the 2nd best (0.8, as the loss -0.8): a result at least as good is wanted, a worse one or an unranked one is not
        var request = bar.Request!;
        Assert.Equal(-0.8, request.Beat);
        Assert.True(request.Wants(Result(0.85)));
        Assert.True(request.Wants(Result(0.8)));
        Assert.False(request.Wants(Result(0.75)));
        Assert.False(request.Wants(Result(0.95, TrialStatus.Failed)));
    }

    [Fact]
    public void Keep_0_never_asks()
    {
        var bar = new ModelBar(MetricSpec.Default, 0);
        bar.Observe(Result(0.5));
        Assert.Null(bar.Request);
    }

    [Fact]
    public void With_two_objectives_it_asks_for_every_model()
    {
        var bar = new ModelBar(Accuracy, 1, objectives: 2);

        bar.Observe(Result(0.9));
        bar.Observe(Result(0.95));

        Assert.Null(bar.Request!.Beat);
        Assert.True(bar.Request.Wants(Result(0.1)));
    }
}
