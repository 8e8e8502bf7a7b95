using SweepCluster.Core.Pareto;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Search;

public class MultiObjectiveTpeSearchTests
{
    private static readonly UniformDomain Unit = new(0, 1);

    /// <summary>ZDT1 on 2 parameters, both objectives minimised: f1 = x1, f2 = g·(1 − √(x1/g)), g = 1 + 9·x2; the front is x2 = 0.</summary>
    private static double[] Zdt1(double[] x)
    {
        var g = 1 + 9 * x[1];
        return [x[0], g * (1 - Math.Sqrt(x[0] / g))];
    }

    /// <summary>Runs <paramref name="trials"/> trials one at a time and returns their losses.</summary>
    private static List<double[]> Run(ISearchStrategy search, int trials, SearchHistory history)
    {
        var losses = new List<double[]>();
        for (var index = 0; index < trials; index++)
        {
            var point = search.PointFor(index, history);
            history.Suggest(index, point);
            var loss = Zdt1(point);
            history.ObserveLosses(index, loss);
            losses.Add(loss);
        }
        return losses;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Motpe_covers_more_hypervolume_than_random_search_on_zdt1(long seed)
    {
        // Given ZDT1 on [0,1]², 60 trials each, random search and MOTPE (its first 10 trials are random search's),
        // MOTPE with gamma 0.25: with the default 0.1 the good group is only 5 of 50, and on seed 3 random search's
        // lucky draws come within 0.05 of it; with 0.25 the margin was at least 0.2 on each of seeds 1–8.
        var settings = new TpeSettings(Gamma: 0.25);
        var motpe = Run(new TpeSearch([Unit, Unit], seed, 60, settings), 60, new SearchHistory(objectives: 2));
        var random = Run(new RandomSearch(2, seed, 60), 60, new SearchHistory(objectives: 2));

        // When their hypervolumes are measured against (1.1, 2) (the whole front, f2 = 1 − √f1, covers 2.2 − 1/3 ≈ 1.87;
        // a far reference such as f2's bound 11 would drown the difference in the box every point covers)
        double[] reference = [1.1, 2];
        var motpeVolume = Hypervolume.Of([.. motpe], reference);
        var randomVolume = Hypervolume.Of([.. random], reference);

        // Then multi-objective TPE, which pulls x2 towards 0, covers clearly more
        Assert.True(motpeVolume > randomVolume + 0.15, $"MOTPE {motpeVolume:F3}, random {randomVolume:F3}");
    }

    [Fact]
    public void Same_seed_and_results_give_the_same_suggestions()
    {
        // Given two runs of the same sweep, with 3 trials left pending at the end of each
        List<double[]> Suggestions()
        {
            var history = new SearchHistory(objectives: 2);
            var tpe = new TpeSearch([Unit, Unit, new ValuesDomain([new NumberValue(1), new NumberValue(2), new NumberValue(3)])], 7, 40);
            var points = new List<double[]>();
            for (var index = 0; index < 40; index++)
            {
                var point = tpe.PointFor(index, history);
                history.Suggest(index, point);
                points.Add(point);
                if (index < 37)
                {
                    history.ObserveLosses(index, Zdt1(point).Select((v, k) => v + 0.1 * k * point[2]).ToArray());
                }
            }
            points.Add(tpe.PointFor(40, history));
            return points;
        }

        // Then every suggestion is the same, bit for bit
        Assert.Equal(Suggestions(), Suggestions());
    }

    [Fact]
    public void Pending_trials_send_the_next_suggestion_elsewhere()
    {
        // Given 30 finished ZDT1 trials
        var history = new SearchHistory(objectives: 2);
        var tpe = new TpeSearch([Unit, Unit], 5, 40);
        Run(tpe, 30, history);

        // When trial 30 is suggested, then suggested again with the first suggestion pending (the constant liar)
        var alone = tpe.PointFor(30, history);
        history.Suggest(30, alone);
        var next = tpe.PointFor(30, history);

        // Then the pending trial, counted among the bad ones, changes the suggestion
        Assert.NotEqual(alone, next);
    }

    [Fact]
    public void A_multi_objective_history_takes_vectors_only()
    {
        var history = new SearchHistory(objectives: 2);
        history.Suggest(0, [0.5]);

        Assert.Throws<InvalidOperationException>(() => history.Observe(0, 1.0));
        Assert.Throws<ArgumentException>(() => history.ObserveLosses(0, [1.0]));
    }

    [Fact]
    public void Repeats_are_averaged_per_objective_over_the_repeats_with_every_loss()
    {
        // Given configuration 0 with 3 repeats: (1, 4), (3, 8), and one with a NaN on its second objective
        var history = new SearchHistory(repeats: 3, objectives: 2);
        history.Suggest(0, [0.5]);
        history.ObserveLosses(0, [1.0, 4.0]);
        history.ObserveLosses(1, [3.0, 8.0]);
        history.ObserveLosses(2, [100.0, double.NaN]);

        // Then the observation is the mean of the two whole ones, objective by objective
        Assert.Equal([2.0, 6.0], Assert.Single(history.Observations).Values);
    }

    [Fact]
    public void One_objective_through_vectors_gives_the_scalar_history()
    {
        // Given the same losses observed as scalars and as vectors of length 1, with repeats and a failure
        var scalar = new SearchHistory(repeats: 2);
        var vector = new SearchHistory(repeats: 2);
        double?[] losses = [0.3, 0.1, null, 0.7, double.NaN, 0.2];
        for (var index = 0; index < losses.Length; index++)
        {
            scalar.Suggest(index, [index / 10.0]);
            vector.Suggest(index, [index / 10.0]);
            scalar.Observe(index, losses[index]);
            vector.ObserveLosses(index, losses[index] is { } loss ? [loss] : null);
        }

        // Then the observations agree
        Assert.Equal(scalar.Observations.Select(o => (o.Index, o.Loss)), vector.Observations.Select(o => (o.Index, o.Loss)));
    }
}
