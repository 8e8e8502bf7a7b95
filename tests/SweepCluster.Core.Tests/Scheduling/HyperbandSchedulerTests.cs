using System.Numerics;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Scheduling;

public class HyperbandSchedulerTests
{
    private static HyperbandScheduler Paper() => new(1, 3, 81, MetricGoal.Minimize);

    [Fact]
    public void Brackets_for_81_epochs_and_eta_3_are_the_papers_table()
    {
        // given Hyperband with R = 81, r = 1, η = 3 (Li et al. 2016, table 1)
        var hyperband = Paper();

        // then s_max = 4 and the brackets take n = 81, 34, 15, 8, 5 trials with grace 1, 3, 9, 27, 81
        Assert.Equal(4, hyperband.SMax);
        Assert.Equal(
            [new(4, 81, 1), new(3, 34, 3), new(2, 15, 9), new(1, 8, 27), new HyperbandBracket(0, 5, 81)],
            hyperband.Brackets);
    }

    [Fact]
    public void Brackets_for_27_epochs_and_eta_3()
    {
        // n_s = ceil(4/(s+1) · 3^s): 27, 12, 6, 4
        Assert.Equal(
            [new(3, 27, 1), new(2, 12, 3), new(1, 6, 9), new HyperbandBracket(0, 4, 27)],
            HyperbandScheduler.BracketsFor(1, 3, 27));
    }

    [Fact]
    public void Epochs_that_are_no_power_of_eta_keep_a_rung_in_the_last_bracket()
    {
        // given R = 30 with r = 1, η = 3: 27 ≤ 30 < 81, so s_max = 3 as for R = 27
        var hyperband = new HyperbandScheduler(1, 3, 30, MetricGoal.Minimize);

        // then the brackets are those of R = 27, and bracket 0 (grace 27) still decides at epoch 27 < 30
        Assert.Equal(HyperbandScheduler.BracketsFor(1, 3, 27), hyperband.Brackets);
        var lastBracketTrial = Enumerable.Range(0, 100).First(i => hyperband.BracketOf(i).S == 0);
        Assert.Equal([27], hyperband.DecisionEpochs(lastBracketTrial));
    }

    [Fact]
    public void Brackets_for_30_epochs_grace_2_and_eta_3()
    {
        // 2·9 = 18 ≤ 30 < 54, so s_max = 2; n_s = ceil(3/(s+1) · 3^s) = 9, ceil(4.5) = 5, 3; grace 2·3^(2−s)
        Assert.Equal(
            [new(2, 9, 2), new(1, 5, 6), new HyperbandBracket(0, 3, 18)],
            HyperbandScheduler.BracketsFor(2, 3, 30));
    }

    [Fact]
    public void Bracket_sizes_and_graces_follow_the_papers_formulas_exactly()
    {
        for (var grace = 1; grace <= 5; grace++)
        {
            for (var eta = 2; eta <= 5; eta++)
            {
                for (var epochs = grace; epochs <= 300; epochs++)
                {
                    // given any r ≤ R and η
                    var brackets = HyperbandScheduler.BracketsFor(grace, eta, epochs);

                    // then s_max is the largest s with r·η^s ≤ R, the brackets run s_max … 0,
                    var sMax = brackets[0].S;
                    Assert.True(grace * BigInteger.Pow(eta, sMax) <= epochs && grace * BigInteger.Pow(eta, sMax + 1) > epochs);
                    Assert.Equal(Enumerable.Range(0, sMax + 1).Reverse(), brackets.Select(b => b.S));
                    foreach (var b in brackets)
                    {
                        // n_s = ceil((s_max+1)/(s+1) · η^s), checked as n_s − 1 < that ≤ n_s in integers,
                        var exact = (sMax + 1) * BigInteger.Pow(eta, b.S);
                        Assert.True((b.Trials - 1) * (BigInteger)(b.S + 1) < exact && exact <= b.Trials * (BigInteger)(b.S + 1));
                        // and the grace is r·η^(s_max−s)
                        Assert.Equal(grace * BigInteger.Pow(eta, sMax - b.S), (BigInteger)b.GraceEpochs);
                    }
                }
            }
        }
    }

    [Fact]
    public void Each_block_of_trials_fills_every_bracket_to_its_size()
    {
        // given the paper's brackets, Σn_s = 143
        var hyperband = Paper();
        var block = hyperband.Brackets.Sum(b => b.Trials);
        Assert.Equal(143, block);

        // when trials of three blocks are assigned
        var assigned = Enumerable.Range(0, 3 * block).Select(i => hyperband.BracketOf(i).S).ToList();

        // then each block holds exactly n_s trials of bracket s, and the blocks repeat
        foreach (var start in new[] { 0, block, 2 * block })
        {
            var counts = assigned.Skip(start).Take(block).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(hyperband.Brackets, b => Assert.Equal(b.Trials, counts[b.S]));
        }
        Assert.Equal(assigned.Take(block), assigned.Skip(block).Take(block));
    }

    [Fact]
    public void The_first_trials_go_round_the_brackets_by_smooth_weighted_round_robin()
    {
        // given the paper's brackets, weights n = 81, 34, 15, 8, 5 (Σ 143)
        var hyperband = Paper();

        // then, worked by hand (each step adds n_s to every bracket's counter, picks the largest, takes 143 off it):
        //   counters after adding: [81,34,15,8,5] → s=4; [19,68,30,16,10] → s=3; [100,-41,45,24,15] → s=4;
        //   [38,-7,60,32,20] → s=2; [119,27,-68,40,25] → s=4; [57,61,-53,48,30] → s=3; [138,-48,-38,56,35] → s=4;
        //   [76,-14,-23,64,40] → s=4; [14,20,-8,72,45] → s=1; [95,54,7,-63,50] → s=4
        Assert.Equal([4, 3, 4, 2, 4, 3, 4, 4, 1, 4], Enumerable.Range(0, 10).Select(i => hyperband.BracketOf(i).S));
    }

    [Theory]
    [InlineData(1, 3, 81)]
    [InlineData(1, 3, 30)]
    [InlineData(1, 2, 100)]
    [InlineData(2, 4, 200)]
    public void Every_prefix_of_trials_is_within_one_trial_of_the_brackets_shares(int grace, int eta, int epochs)
    {
        // given Hyperband
        var hyperband = new HyperbandScheduler(grace, eta, epochs, MetricGoal.Minimize);
        var block = hyperband.Brackets.Sum(b => (long)b.Trials);
        var counts = hyperband.Brackets.ToDictionary(b => b.S, _ => 0L);

        // when the first two blocks of trials are assigned, one at a time
        for (long k = 1; k <= 2 * block; k++)
        {
            counts[hyperband.BracketOf(k - 1).S]++;

            // then after k trials bracket s has k·n_s/Σn_s of them, give or take less than one
            foreach (var b in hyperband.Brackets)
            {
                Assert.True(Math.Abs((counts[b.S] * block) - (k * b.Trials)) < block, $"bracket {b.S} after {k} trials: {counts[b.S]}");
            }
        }
    }

    [Fact]
    public void Assignment_depends_on_the_index_alone()
    {
        // given two schedulers, one asked in index order, the other from the far end backwards
        var forward = Paper();
        var backward = Paper();
        var forwardBrackets = Enumerable.Range(0, 400).Select(i => forward.BracketOf(i)).ToList();
        var backwardBrackets = Enumerable.Range(0, 400).Reverse().Select(i => backward.BracketOf(i)).Reverse().ToList();

        // then they assign every trial alike
        Assert.Equal(forwardBrackets, backwardBrackets);
        Assert.Equal(forward.BracketOf(5), forward.BracketOf(5 + (143L * 1_000_000)));
    }

    [Fact]
    public void Trials_wait_at_their_own_brackets_rungs()
    {
        // given the paper's Hyperband
        var hyperband = Paper();

        // then a trial of bracket s waits at grace_s·3^k below 81, and bracket 0's trials never wait
        var expected = new Dictionary<int, int[]>
        {
            [4] = [1, 3, 9, 27], [3] = [3, 9, 27], [2] = [9, 27], [1] = [27], [0] = [],
        };
        for (var i = 0; i < 143; i++)
        {
            var s = hyperband.BracketOf(i).S;
            Assert.Equal(expected[s], hyperband.DecisionEpochs(i));
            Assert.Equal(expected[s], Enumerable.Range(1, 81).Where(e => hyperband.Records(i, e)));
        }
    }

    [Fact]
    public void Brackets_decide_apart_and_reasons_name_the_bracket()
    {
        // given two trials of bracket 4 and one of bracket 3
        var hyperband = Paper();
        var inBracket4 = TrialsOf(hyperband, 4).Take(2).ToList();
        var inBracket3 = TrialsOf(hyperband, 3).First();

        // when the bracket-4 trials report epochs 1 and 3, and the bracket-3 trial a worse epoch 3 afterwards
        Assert.False(hyperband.Report(inBracket4[0], 1, 0.5).Stop);
        var second = hyperband.Report(inBracket4[1], 1, 0.6);
        Assert.False(hyperband.Report(inBracket4[0], 3, 0.2).Stop);
        var other = hyperband.Report(inBracket3, 3, 0.9);

        // then bracket 4 stops its second trial and says so; bracket 3's first result at its rung goes on
        Assert.Equal("hyperband bracket s=4 (grace 1): rung 0 (epoch 1): 0.6 is not among the best 1 of 2 results so far", second.Reason);
        Assert.False(other.Stop);
        Assert.Same(SchedulerDecision.GoOn, hyperband.Report(inBracket3, 1, 100));
    }

    [Fact]
    public void The_spec_creates_hyperband_with_its_settings()
    {
        // given the spec of scheduler: { kind: hyperband, grace_epochs: 1, reduction_factor: 3 }
        SchedulerSpec spec = new HyperbandSpec(1, 3);

        // when it creates the scheduler for 81 epochs
        var hyperband = Assert.IsType<HyperbandScheduler>(spec.Create(81, MetricGoal.Minimize));

        // then its brackets are the paper's
        Assert.Equal("hyperband", spec.Kind);
        Assert.Equal(Paper().Brackets, hyperband.Brackets);
    }

    private static IEnumerable<long> TrialsOf(HyperbandScheduler hyperband, int s)
    {
        for (long i = 0; ; i++)
        {
            if (hyperband.BracketOf(i).S == s)
            {
                yield return i;
            }
        }
    }
}
