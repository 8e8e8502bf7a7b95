using SweepCluster.Core.Search;

namespace SweepCluster.Core.Tests.Search;

public class MultiObjectiveTpeGroupsTests
{
    /// <summary>
    /// 20 finished trials of 2 objectives; each trial's point is [index / 100], so a group's points name its trials.
    /// Front 1: trials 0 (0.5, 0.2) and 1 (0.4, 0.25). Front 2: trials 2–6, A(1,5) B(2,3.2) C(3,2) E(4,1.5) D(5,0.3),
    /// each dominated by trial 1. Trials 7–19: (6 + k, 6 + k), behind all of them.
    /// </summary>
    private static readonly double[][] Losses =
    [
        [0.5, 0.2], [0.4, 0.25],
        [1, 5], [2, 3.2], [3, 2], [4, 1.5], [5, 0.3],
        .. Enumerable.Range(0, 13).Select(k => new double[] { 6 + k, 6 + k }),
    ];

    /// <summary>gamma 0.25 of 20 finished trials: a good group of ⌈5⌉ = 5.</summary>
    private static readonly TpeSettings Quarter = new(StartupTrials: 0, Gamma: 0.25);

    private static SearchHistory History(IEnumerable<int> order)
    {
        var history = new SearchHistory(objectives: 2);
        foreach (var index in order)
        {
            history.Suggest(index, [index / 100.0]);
            history.ObserveLosses(index, Losses[index]);
        }
        return history;
    }

    private static long[] Indices(IReadOnlyList<double[]> points) => [.. points.Select(p => (long)Math.Round(p[0] * 100))];

    [Fact]
    public void Good_group_takes_the_first_front_whole_and_the_overflowing_front_by_hypervolume()
    {
        // Given 20 finished trials and a good group of 5
        var history = History(Enumerable.Range(0, Losses.Length));

        // When split
        var groups = TpeGroups.Split(history, Quarter);

        // Then, as Optuna's TPESampler: front 1 (trials 0, 1) is in whole; front 2 (5 trials) gives the 3 places left
        // by greedy hypervolume subset selection against its own worst moved 10 % out, (5.5, 5.5): C, then B, then D
        // (the volumes are worked out in HypervolumeSubsetSelectionTests), i.e. trials 4, 3, 6. By the first
        // objective it would have been 2, 3, 4; by index too.
        Assert.Equal([0, 1, 3, 4, 6], Indices(groups.Good));
        Assert.Equal([2, 5, .. Enumerable.Range(7, 13).Select(i => (long)i)], Indices(groups.Bad));
    }

    [Fact]
    public void Whole_fronts_that_fit_need_no_tie_break()
    {
        // Given gamma 0.33 of 20: a good group of ⌈6.6⌉ = 7 = front 1 (2) + front 2 (5) exactly
        var groups = TpeGroups.Split(History(Enumerable.Range(0, Losses.Length)), Quarter with { Gamma = 0.33 });

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Indices(groups.Good));
    }

    [Fact]
    public void Pending_and_failed_trials_go_to_the_bad_group_and_do_not_count_in_n()
    {
        // Given the 20 trials, plus trials 20–22 suggested and pending (the constant liar), and trial 23 failed
        var history = History(Enumerable.Range(0, Losses.Length));
        foreach (var index in new[] { 20, 21, 22, 23 })
        {
            history.Suggest(index, [index / 100.0]);
        }
        history.ObserveLosses(23, null);

        // When split
        var groups = TpeGroups.Split(history, Quarter);

        // Then the good group is the one of the 20 finished alone (n = 20, still 5 good; 24 would give 6), and the
        // pending and failed trials are bad, as a liar worst on every objective would be
        Assert.Equal([0, 1, 3, 4, 6], Indices(groups.Good));
        Assert.Equal([20, 21, 22, 23], Indices(groups.Bad).Where(i => i >= 20));
        Assert.Equal(24 - 5, groups.Bad.Count);
    }

    [Fact]
    public void A_trial_with_one_loss_not_finite_counts_as_failed()
    {
        // Given the 20 trials and trial 20 with a NaN on its second objective but the best first objective
        var history = History(Enumerable.Range(0, Losses.Length));
        history.Suggest(20, [0.2]);
        history.ObserveLosses(20, [0.0, double.NaN]);

        var groups = TpeGroups.Split(history, Quarter);

        Assert.DoesNotContain(20L, Indices(groups.Good));
        Assert.Contains(20L, Indices(groups.Bad));
    }

    [Fact]
    public void Groups_do_not_depend_on_the_order_results_arrived_in()
    {
        // Given the same results observed in index order and in reverse
        var forward = TpeGroups.Split(History(Enumerable.Range(0, Losses.Length)), Quarter);
        var backward = TpeGroups.Split(History(Enumerable.Range(0, Losses.Length).Reverse()), Quarter);

        Assert.Equal(Indices(forward.Good), Indices(backward.Good));
        Assert.Equal(Indices(forward.Bad), Indices(backward.Bad));
    }
}
