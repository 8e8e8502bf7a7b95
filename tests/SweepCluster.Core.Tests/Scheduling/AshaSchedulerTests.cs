using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Scheduling;

public class AshaSchedulerTests
{
    // Nine trials, η = 3, grace 1, R = 9: rungs at epochs 1 and 3 (9 is the end, not a rung).
    private static readonly double[] FirstRungValues = [0.50, 0.60, 0.40, 0.70, 0.45, 0.30, 0.80, 0.55, 0.35];

    // Worked by hand: n = results so far, allowed = ceil(n/3), rank = earlier results ≤ the value, promoted before.
    //   t0 0.50: n 1, allowed 1, rank 0, promoted 0 → on (promoted 1)
    //   t1 0.60: n 2, allowed 1, rank 1 (0.50)       → stop, not among the best
    //   t2 0.40: n 3, allowed 1, rank 0, promoted 1 → stop, the rung already promoted 1
    //   t3 0.70: n 4, allowed 2, rank 3              → stop, not among the best
    //   t4 0.45: n 5, allowed 2, rank 1 (0.40), promoted 1 → on (promoted 2)
    //   t5 0.30: n 6, allowed 2, rank 0, promoted 2 → stop, already promoted 2
    //   t6 0.80: n 7, allowed 3, rank 6              → stop, not among the best
    //   t7 0.55: n 8, allowed 3, rank 4              → stop, not among the best
    //   t8 0.35: n 9, allowed 3, rank 1 (0.30), promoted 2 → on (promoted 3)
    private static readonly bool[] FirstRungGoesOn = [true, false, false, false, true, false, false, false, true];

    private static AshaScheduler NineEpochs(MetricGoal goal = MetricGoal.Minimize) => new(1, 3, 9, goal);

    [Theory]
    [InlineData(1, 3, 9, new[] { 1, 3 })]
    [InlineData(1, 3, 27, new[] { 1, 3, 9 })]
    [InlineData(1, 3, 28, new[] { 1, 3, 9, 27 })]
    [InlineData(2, 2, 20, new[] { 2, 4, 8, 16 })]
    [InlineData(3, 4, 100, new[] { 3, 12, 48 })]
    [InlineData(5, 3, 5, new int[0])]
    [InlineData(1, 2, 1, new int[0])]
    public void Rungs_are_grace_times_powers_of_eta_below_the_epochs(int grace, int eta, int epochs, int[] rungs)
    {
        // given an ASHA
        var asha = new AshaScheduler(grace, eta, epochs, MetricGoal.Minimize);

        // then every trial waits after exactly the rung epochs, and only they are recorded
        Assert.Equal(rungs, asha.RungEpochs);
        Assert.Equal(rungs, asha.DecisionEpochs(0));
        Assert.Equal(rungs, asha.DecisionEpochs(12345));
        Assert.Equal(rungs, Enumerable.Range(0, epochs + 2).Where(e => asha.Records(7, e)));
    }

    [Fact]
    public void Nine_trials_keep_the_top_third_of_the_first_rung_as_they_arrive()
    {
        // given ASHA with η = 3 over nine epochs
        var asha = NineEpochs();

        // when nine trials report their first epoch in index order
        var decisions = FirstRungValues.Select((v, i) => asha.Report(i, 1, v)).ToList();

        // then the hand-worked trials go on, and the others stop with a reason saying why
        Assert.Equal(FirstRungGoesOn, decisions.Select(d => !d.Stop));
        Assert.All(decisions.Where(d => !d.Stop), d => Assert.Null(d.Reason));
        Assert.Equal("asha: rung 0 (epoch 1): 0.6 is not among the best 1 of 2 results so far", decisions[1].Reason);
        Assert.Equal("asha: rung 0 (epoch 1): 0.4 is among the best 1 of 3 results so far, but the rung already promoted 1 of 3",
            decisions[2].Reason);
        Assert.Equal("asha: rung 0 (epoch 1): 0.3 is among the best 2 of 6 results so far, but the rung already promoted 2 of 6",
            decisions[5].Reason);
        Assert.Equal("asha: rung 0 (epoch 1): 0.55 is not among the best 3 of 8 results so far", decisions[7].Reason);
    }

    [Fact]
    public void Survivors_are_judged_again_at_the_second_rung()
    {
        // given the nine trials of the first rung, of which 0, 4 and 8 went on
        var asha = NineEpochs();
        for (var i = 0; i < FirstRungValues.Length; i++)
        {
            asha.Report(i, 1, FirstRungValues[i]);
        }

        // when the survivors report epoch 2 (no rung) and then epoch 3 (rung 1)
        var epochTwo = new[] { 0, 4, 8 }.Select(i => asha.Report(i, 2, 0.99)).ToList();
        var t0 = asha.Report(0, 3, 0.42);
        var t4 = asha.Report(4, 3, 0.38);
        var t8 = asha.Report(8, 3, 0.33);

        // then epoch 2 never stops anyone; at rung 1 ceil(n/3) = 1 for n ≤ 3, and the first to arrive took it
        Assert.All(epochTwo, d => Assert.False(d.Stop));
        Assert.False(t0.Stop);
        Assert.Equal("asha: rung 1 (epoch 3): 0.38 is among the best 1 of 2 results so far, but the rung already promoted 1 of 2", t4.Reason);
        Assert.Equal("asha: rung 1 (epoch 3): 0.33 is among the best 1 of 3 results so far, but the rung already promoted 1 of 3", t8.Reason);
    }

    [Fact]
    public void Maximize_ranks_the_mirrored_values_the_same_way()
    {
        // given ASHA maximizing
        var asha = NineEpochs(MetricGoal.Maximize);

        // when the nine trials report the negated values
        var decisions = FirstRungValues.Select((v, i) => asha.Report(i, 1, -v)).ToList();

        // then the same trials go on
        Assert.Equal(FirstRungGoesOn, decisions.Select(d => !d.Stop));
        Assert.Equal("asha: rung 0 (epoch 1): -0.6 is not among the best 1 of 2 results so far", decisions[1].Reason);
    }

    [Fact]
    public void An_equal_earlier_result_counts_as_better()
    {
        // given ASHA with η = 2 and a first trial at 0.5
        var asha = new AshaScheduler(1, 2, 8, MetricGoal.Minimize);
        Assert.False(asha.Report(0, 1, 0.5).Stop);

        // when two more trials tie with it
        var second = asha.Report(1, 1, 0.5);
        var third = asha.Report(2, 1, 0.5);

        // then the second is ranked behind the first (1 of 2 allowed) and the third behind both (2 of 3 allowed)
        Assert.Equal("asha: rung 0 (epoch 1): 0.5 is not among the best 1 of 2 results so far", second.Reason);
        Assert.Equal("asha: rung 0 (epoch 1): 0.5 is not among the best 2 of 3 results so far", third.Reason);
    }

    [Theory]
    [InlineData(MetricGoal.Minimize)]
    [InlineData(MetricGoal.Maximize)]
    public void Nan_and_infinities_are_worse_than_any_number(MetricGoal goal)
    {
        // given ASHA with η = 2 and a first trial at 0.5 (or -0.5 when maximizing)
        var sign = goal == MetricGoal.Minimize ? 1 : -1;
        var asha = new AshaScheduler(1, 2, 8, goal);
        Assert.False(asha.Report(0, 1, sign * 0.5).Stop);

        // when a NaN, a finite value, and both infinities arrive
        var nan = asha.Report(1, 1, double.NaN);
        var finite = asha.Report(2, 1, sign * 0.9);
        var plus = asha.Report(3, 1, double.PositiveInfinity);
        var minus = asha.Report(4, 1, double.NegativeInfinity);

        // then the non-finite ones rank last: NaN is behind 0.5 (1 of 2), the finite one is second of 3 (2 allowed)
        Assert.Equal("asha: rung 0 (epoch 1): NaN is not among the best 1 of 2 results so far", nan.Reason);
        Assert.False(finite.Stop);
        Assert.True(plus.Stop);
        Assert.Contains("is not among the best 3 of 5", minus.Reason);
    }

    [Fact]
    public void The_first_trial_at_a_rung_goes_on_whatever_its_value()
    {
        // given ASHA and no results yet
        var asha = new AshaScheduler(2, 2, 16, MetricGoal.Minimize);

        // when a first trial reports a dreadful value at each rung
        var decisions = asha.RungEpochs.Select(e => asha.Report(0, e, 1e9)).ToList();

        // then it goes on at every one
        Assert.Equal([2, 4, 8], asha.RungEpochs);
        Assert.All(decisions, d => Assert.False(d.Stop));
    }

    [Fact]
    public void Epochs_off_the_rungs_go_on_and_change_nothing()
    {
        // given ASHA with rungs at 1 and 3
        var asha = NineEpochs();

        // when trials report epochs 2 and 9 (and 0), none of them rungs, then two trials reach rung 0
        var offRung = new[] { asha.Report(5, 2, 0.1), asha.Report(6, 9, 0.1), asha.Report(7, 0, 0.1) };
        var first = asha.Report(0, 1, 0.5);
        var second = asha.Report(1, 1, 0.6);

        // then the off-rung reports went on, are not recorded, and did not count as results
        Assert.All(offRung, d => Assert.Same(SchedulerDecision.GoOn, d));
        Assert.False(asha.Records(5, 2));
        Assert.False(first.Stop);
        Assert.Contains("best 1 of 2 results", second.Reason);
    }

    [Fact]
    public void A_repeated_report_gets_its_first_decision_and_changes_nothing()
    {
        // given one trial that went on and one that stopped at rung 0
        var asha = NineEpochs();
        var wentOn = asha.Report(0, 1, 0.5);
        var stopped = asha.Report(1, 1, 0.6);

        // when both report epoch 1 again with other values (a re-run after a worker died), and a third trial arrives
        var wentOnAgain = asha.Report(0, 1, 0.9);
        var stoppedAgain = asha.Report(1, 1, 0.1);
        var third = asha.Report(2, 1, 0.55);

        // then the repeats get exactly the first decisions, and the rung still holds two results (the third is n = 3)
        Assert.Equal(wentOn, wentOnAgain);
        Assert.Equal(stopped, stoppedAgain);
        Assert.Equal("asha: rung 0 (epoch 1): 0.55 is not among the best 1 of 3 results so far", third.Reason);
    }

    [Fact]
    public void Grace_at_or_beyond_the_epochs_never_stops_anyone()
    {
        // given ASHA whose grace is the trials' epochs
        var asha = new AshaScheduler(9, 3, 9, MetricGoal.Minimize);

        // when many trials report every epoch
        var stops = Enumerable.Range(0, 20).SelectMany(i => Enumerable.Range(1, 9).Select(e => asha.Report(i, e, i))).Count(d => d.Stop);

        // then none stops
        Assert.Empty(asha.RungEpochs);
        Assert.Equal(0, stops);
    }

    [Theory]
    [InlineData(0, 3, 9)]
    [InlineData(1, 1, 9)]
    [InlineData(1, 3, 0)]
    public void Out_of_range_settings_are_refused(int grace, int eta, int epochs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(grace, eta, epochs, MetricGoal.Minimize));
    }

    [Fact]
    public void The_spec_creates_an_asha_with_its_settings()
    {
        // given the spec of scheduler: { kind: asha, grace_epochs: 2, reduction_factor: 4 }
        SchedulerSpec spec = new AshaSpec(2, 4);

        // when it creates the scheduler for 40 epochs maximizing
        var asha = Assert.IsType<AshaScheduler>(spec.Create(40, MetricGoal.Maximize));

        // then the scheduler has those settings
        Assert.Equal("asha", spec.Kind);
        Assert.Equal((2, 4, 40, MetricGoal.Maximize), (asha.GraceEpochs, asha.ReductionFactor, asha.MaxEpochs, asha.Goal));
        Assert.Equal([2, 8, 32], asha.RungEpochs);
    }
}
