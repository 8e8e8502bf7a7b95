using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Scheduling;

public class MedianSchedulerTests
{
    // R = 5, warm-up 1, at least 2 other trials: trials wait after epochs 2, 3 and 4.
    private static MedianScheduler FiveEpochs(MetricGoal goal = MetricGoal.Minimize) => new(1, 2, 5, goal);

    [Theory]
    [InlineData(0, 5, new[] { 1, 2, 3, 4 })]
    [InlineData(1, 5, new[] { 2, 3, 4 })]
    [InlineData(4, 5, new int[0])]
    [InlineData(0, 1, new int[0])]
    public void Trials_wait_after_each_epoch_past_the_warm_up_and_before_the_end(int warmup, int epochs, int[] waits)
    {
        var median = new MedianScheduler(warmup, 5, epochs, MetricGoal.Minimize);

        Assert.Equal(waits, median.DecisionEpochs(3));
        Assert.True(median.Records(3, 1));
        Assert.True(median.Records(3, epochs));
        Assert.False(median.Records(3, 0));
    }

    [Fact]
    public void Hand_worked_sequence()
    {
        // given median stopping over five epochs with warm-up 1 and at least 2 other trials
        var median = FiveEpochs();

        // when trials report (the comment gives the other trials' values at that epoch and their median)
        var t0 = new[] { 0.9, 0.8, 0.7, 0.6, 0.5 }.Select((v, e) => median.Report(0, e + 1, v)).ToList(); // alone: on
        var t1e1 = median.Report(1, 1, 0.8);  // warm-up: on
        var t1e2 = median.Report(1, 2, 0.6);  // {0.8}: only one other trial: on
        var t1e3 = median.Report(1, 3, 0.5);  // {0.7}: on
        var t2e1 = median.Report(2, 1, 1.0);  // warm-up: on
        var t2e2 = median.Report(2, 2, 0.9);  // {0.8, 0.6}, median 0.7; best 0.9 is worse: stop
        var t3e1 = median.Report(3, 1, 0.5);  // warm-up: on
        var t3e2 = median.Report(3, 2, 0.95); // {0.8, 0.6, 0.9}, median 0.8; best of 0.5 and 0.95 is 0.5: on
        var t3e3 = median.Report(3, 3, 0.95); // {0.7, 0.5}, median 0.6; best 0.5: on
        var t4e2 = median.Report(4, 2, 0.84); // {0.8, 0.6, 0.9, 0.95}, median (0.8 + 0.9)/2 = 0.85; best 0.84: on
        var t4e3 = median.Report(4, 3, 0.9);  // {0.7, 0.5, 0.95}, median 0.7; best 0.84 is worse: stop
        var t5e4 = median.Report(5, 4, 0.99); // {0.6}: only one other trial: on
        var t3e4 = median.Report(3, 4, 0.9);  // {0.6, 0.99}, median 0.795; best 0.5: on
        var t6e4 = median.Report(6, 4, 0.8);  // {0.6, 0.99, 0.9}, median 0.9; best 0.8: on
        var t7e4 = median.Report(7, 4, 0.91); // {0.6, 0.99, 0.9, 0.8}, median 0.85; best 0.91: stop
        var t7e5 = median.Report(7, 5, 9.0);  // the last epoch: never a decision

        // then
        Assert.All(t0, d => Assert.False(d.Stop));
        Assert.All([t1e1, t1e2, t1e3, t2e1, t3e1, t3e2, t3e3, t4e2, t5e4, t3e4, t6e4, t7e5], d => Assert.Same(SchedulerDecision.GoOn, d));
        Assert.Equal("median: best 0.9 after epoch 2 is worse than the median 0.7 of 2 trials at epoch 2", t2e2.Reason);
        Assert.Equal("median: best 0.84 after epoch 3 is worse than the median 0.7 of 3 trials at epoch 3", t4e3.Reason);
        Assert.Equal("median: best 0.91 after epoch 4 is worse than the median 0.85 of 4 trials at epoch 4", t7e4.Reason);
    }

    [Fact]
    public void Maximize_stops_a_trial_below_the_median()
    {
        // given median stopping maximizing, with no warm-up and one other trial enough
        var median = new MedianScheduler(0, 1, 3, MetricGoal.Maximize);
        Assert.False(median.Report(0, 1, 0.5).Stop);

        // when a lower and then a higher value arrive
        var lower = median.Report(1, 1, 0.4);
        var higher = median.Report(2, 1, 0.6);

        // then the lower stops and the higher goes on
        Assert.Equal("median: best 0.4 after epoch 1 is worse than the median 0.5 of 1 trial at epoch 1", lower.Reason);
        Assert.False(higher.Stop);
    }

    [Fact]
    public void A_best_value_equal_to_the_median_is_not_worse()
    {
        // given two trials at epoch 1 with median 0.625 (exact in binary)
        var median = new MedianScheduler(0, 2, 10, MetricGoal.Minimize);
        median.Report(0, 1, 0.5);
        median.Report(1, 1, 0.75);

        // when one trial reports the median itself and another a hair above it
        var equal = median.Report(2, 1, 0.625);
        var above = median.Report(3, 1, 0.6251);

        // then only the one above stops
        Assert.False(equal.Stop);
        Assert.True(above.Stop);
    }

    [Fact]
    public void Too_few_other_trials_at_an_epoch_stop_no_one()
    {
        // given the default five other trials
        var median = new MedianScheduler(0, 5, 10, MetricGoal.Minimize);

        // when five trials report epoch 1, each worse than the one before
        var decisions = Enumerable.Range(0, 5).Select(i => median.Report(i, 1, i)).ToList();
        var sixth = median.Report(5, 1, 10);

        // then the first five had at most four others and went on; the sixth, with five others (median 2), stops
        Assert.All(decisions, d => Assert.False(d.Stop));
        Assert.Equal("median: best 10 after epoch 1 is worse than the median 2 of 5 trials at epoch 1", sixth.Reason);
    }

    [Fact]
    public void Nan_is_worse_than_any_number()
    {
        // given three trials at epoch 1, one of them NaN
        var median = new MedianScheduler(0, 2, 10, MetricGoal.Minimize);
        median.Report(0, 1, 0.5);
        median.Report(1, 1, 0.6);
        var nan = median.Report(2, 1, double.NaN);

        // when two more arrive: a finite value, and another NaN
        var finite = median.Report(3, 1, 0.58);
        var secondNan = median.Report(4, 1, double.NaN);

        // then NaN is worse than the median 0.55 of {0.5, 0.6}; 0.58 goes on, because the NaN counts as the worst value
        // and lifts the median of {0.5, 0.6, NaN} to 0.6 (left out, as by a nanmedian, the median would be 0.55)
        Assert.Equal("median: best NaN after epoch 1 is worse than the median 0.55 of 2 trials at epoch 1", nan.Reason);
        Assert.False(finite.Stop);
        Assert.Equal("median: best NaN after epoch 1 is worse than the median 0.59 of 4 trials at epoch 1", secondNan.Reason);
    }

    [Fact]
    public void A_repeated_report_gets_its_first_decision_and_changes_nothing()
    {
        // given a trial stopped at epoch 2
        var median = FiveEpochs();
        median.Report(0, 2, 0.5);
        median.Report(1, 2, 0.6);
        var stopped = median.Report(2, 2, 0.9);

        // when it reports epoch 2 again with a fine value, and a new trial arrives
        var again = median.Report(2, 2, 0.1);
        var next = median.Report(3, 2, 0.95);

        // then the repeat gets the first decision, and epoch 2 still holds three values (median 0.6)
        Assert.Equal(stopped, again);
        Assert.Equal("median: best 0.95 after epoch 2 is worse than the median 0.6 of 3 trials at epoch 2", next.Reason);
    }

    [Fact]
    public void The_best_value_counts_only_epochs_up_to_the_one_decided()
    {
        // given a trial that reported an excellent epoch 3 before its epoch 2 (out of order)
        var median = new MedianScheduler(0, 2, 10, MetricGoal.Minimize);
        median.Report(0, 2, 0.5);
        median.Report(1, 2, 0.6);
        median.Report(2, 3, 0.01);

        // when it reports a poor epoch 2
        var decision = median.Report(2, 2, 0.9);

        // then epoch 3 does not rescue it
        Assert.Equal("median: best 0.9 after epoch 2 is worse than the median 0.55 of 2 trials at epoch 2", decision.Reason);
    }

    [Fact]
    public void The_spec_creates_median_stopping_with_its_settings()
    {
        SchedulerSpec spec = new MedianSpec();

        var median = Assert.IsType<MedianScheduler>(spec.Create(20, MetricGoal.Maximize));

        Assert.Equal("median", spec.Kind);
        Assert.Equal((0, 5, 20, MetricGoal.Maximize), (median.WarmupEpochs, median.MinTrials, median.MaxEpochs, median.Goal));
    }

    [Theory]
    [InlineData(-1, 5, 10)]
    [InlineData(0, 0, 10)]
    [InlineData(0, 5, 0)]
    public void Out_of_range_settings_are_refused(int warmup, int minTrials, int epochs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianScheduler(warmup, minTrials, epochs, MetricGoal.Minimize));
    }
}
