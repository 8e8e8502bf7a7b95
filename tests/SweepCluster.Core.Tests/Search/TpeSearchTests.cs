using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Search;

public class TpeSearchTests
{
    private static readonly UniformDomain Unit = new(0, 1);

    /// <summary>Runs a sweep of <paramref name="trials"/> one at a time: each point is suggested, then its loss observed.</summary>
    private static List<double[]> Minimise(TpeSearch tpe, int trials, Func<double[], double?> loss, SearchHistory? history = null)
    {
        history ??= new SearchHistory();
        var points = new List<double[]>();
        for (var index = 0; index < trials; index++)
        {
            var point = tpe.PointFor(index, history);
            history.Suggest(index, point);
            history.Observe(index, loss(point));
            points.Add(point);
        }
        return points;
    }

    private static ValuesDomain Listed(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => (ParameterValue)new NumberValue(i))]);

    private static double Distance(double[] point, double[] optimum) =>
        Math.Sqrt(point.Zip(optimum, (x, o) => (x - o) * (x - o)).Sum());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Later_suggestions_concentrate_near_the_optimum_of_a_quadratic(long seed)
    {
        // Given a 1-D quadratic with its minimum at 0.3, minimised for 100 trials
        var tpe = new TpeSearch([Unit], seed, 100);
        var points = Minimise(tpe, 100, p => (p[0] - 0.3) * (p[0] - 0.3));

        // Then the last half lies, on average, at most half as far from 0.3 as random search's points there
        var random = new RandomSearch(1, seed, 100);
        var tpeDistance = points.Skip(50).Average(p => Math.Abs(p[0] - 0.3));
        var randomDistance = Enumerable.Range(50, 50).Average(i => Math.Abs(random.PointFor(i, new SearchHistory())[0] - 0.3));
        Assert.True(tpeDistance <= randomDistance / 2, $"tpe {tpeDistance:F3} vs random {randomDistance:F3}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Later_suggestions_concentrate_near_the_optimum_in_two_dimensions(long seed)
    {
        // Given a 2-D bowl with its minimum at (0.7, 0.2), minimised for 80 trials
        double[] optimum = [0.7, 0.2];
        var tpe = new TpeSearch([Unit, Unit], seed, 80);
        var points = Minimise(tpe, 80, p => Math.Pow(Distance(p, optimum), 2));

        // Then the last half lies, on average, at most half as far from it as random search's points there
        var random = new RandomSearch(2, seed, 80);
        var tpeDistance = points.Skip(40).Average(p => Distance(p, optimum));
        var randomDistance = Enumerable.Range(40, 40).Average(i => Distance(random.PointFor(i, new SearchHistory()), optimum));
        Assert.True(tpeDistance <= randomDistance / 2, $"tpe {tpeDistance:F3} vs random {randomDistance:F3}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Best_category_is_chosen_most_often_after_the_startup_trials(long seed)
    {
        // Given five listed values of which the third has the lowest loss
        double[] losses = [0.9, 0.5, 0.1, 0.7, 0.8];
        var tpe = new TpeSearch([Listed(5)], seed, 50);

        // When 50 trials are run
        var points = Minimise(tpe, 50, p => losses[(int)(p[0] * 5)]);

        // Then after the startup every point is the middle of a value's bucket, and the best value is chosen most often
        var tuned = points.Skip(TpeSettings.Default.StartupTrials).ToList();
        Assert.All(tuned, p => Assert.Contains(p[0], new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }));
        var counts = tuned.GroupBy(p => (int)(p[0] * 5)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, counts.MaxBy(c => c.Value).Key);
        Assert.True(counts[2] > 40 / 2, $"the best value was chosen {counts[2]} times of 40");
    }

    [Fact]
    public void Startup_trials_get_the_random_search_points()
    {
        // Given a history with 9 of the 10 startup trials finished
        var tpe = new TpeSearch([Unit, Listed(3)], seed: 7, count: 100);
        var random = new RandomSearch(2, seed: 7, count: 100);
        var history = new SearchHistory();
        var points = Minimise(tpe, 9, p => p[0]);

        // When trial 9 and, out of order, trial 42 are placed
        var ninth = tpe.PointFor(9, history);
        var later = tpe.PointFor(42, history);

        // Then every one of them is the random point of its index
        Assert.Equal(Enumerable.Range(0, 9).Select(i => random.PointFor(i, history)), points);
        Assert.Equal(random.PointFor(9, history), ninth);
        Assert.Equal(random.PointFor(42, history), later);
    }

    [Fact]
    public void Once_the_startup_trials_finished_the_points_are_no_longer_random()
    {
        var tpe = new TpeSearch([Unit], seed: 7, count: 100);
        var history = new SearchHistory();
        Minimise(tpe, 10, p => p[0], history);
        Assert.NotEqual(new RandomSearch(1, 7, 100).PointFor(10, history), tpe.PointFor(10, history));
    }

    [Fact]
    public void Same_history_gives_the_same_point()
    {
        // Given two histories fed identically (with a pending trial in each)
        var tpe = new TpeSearch([Unit, new LogUniformDomain(1e-6, 1e-2), Listed(4)], seed: 11, count: 100);
        var a = new SearchHistory();
        var b = new SearchHistory();
        var pointsA = Minimise(tpe, 30, p => p[0] + p[1] + p[2], a);
        var pointsB = Minimise(new TpeSearch([Unit, new LogUniformDomain(1e-6, 1e-2), Listed(4)], 11, 100), 30, p => p[0] + p[1] + p[2], b);
        a.Suggest(30, tpe.PointFor(30, a));
        b.Suggest(30, tpe.PointFor(30, b));

        // Then the next points are equal, and so were all before them
        Assert.Equal(pointsA, pointsB);
        Assert.Equal(tpe.PointFor(31, a), tpe.PointFor(31, b));
    }

    [Fact]
    public void Different_seeds_give_different_points()
    {
        var history = new SearchHistory();
        Minimise(new TpeSearch([Unit], 1, 100), 20, p => p[0], history);
        Assert.NotEqual(new TpeSearch([Unit], 1, 100).PointFor(20, history), new TpeSearch([Unit], 2, 100).PointFor(20, history));
    }

    [Fact]
    public void Pending_point_is_not_suggested_again()
    {
        // Given 20 finished trials and trial 20 suggested but not finished
        var tpe = new TpeSearch([Unit, Unit], seed: 3, count: 100);
        var history = new SearchHistory();
        Minimise(tpe, 20, p => Math.Abs(p[0] - 0.5) + Math.Abs(p[1] - 0.5), history);
        var pending = tpe.PointFor(20, history);
        history.Suggest(20, pending);

        // When the next trial is placed before any new result
        var next = tpe.PointFor(21, history);

        // Then it is a different point
        Assert.NotEqual(pending, next);
    }

    [Fact]
    public void Pending_trials_count_as_bad_so_the_next_point_moves_away_from_them()
    {
        // Given a history in which value 2 of 5 is clearly the best, so TPE picks it
        double[] losses = [0.9, 0.5, 0.1, 0.7, 0.8];
        var tpe = new TpeSearch([Listed(5)], seed: 5, count: 100);
        var history = new SearchHistory();
        Minimise(tpe, 30, p => losses[(int)(p[0] * 5)], history);
        Assert.Equal(0.5, tpe.PointFor(30, history)[0]);

        // When many trials at value 2 are pending
        for (var index = 30; index < 60; index++)
        {
            history.Suggest(index, [0.5]);
        }

        // Then the constant liar counts them as bad, and the next point goes elsewhere
        Assert.NotEqual(0.5, tpe.PointFor(60, history)[0]);
    }

    [Fact]
    public void Eight_free_workers_asking_at_once_get_eight_different_points()
    {
        // Given 20 finished trials
        var tpe = new TpeSearch([Unit, Listed(3)], seed: 9, count: 100);
        var history = new SearchHistory();
        Minimise(tpe, 20, p => (p[0] - 0.2) * (p[0] - 0.2) + p[1], history);

        // When eight trials are suggested one after the other without any result in between
        var points = new List<double[]>();
        for (var index = 20; index < 28; index++)
        {
            var point = tpe.PointFor(index, history);
            history.Suggest(index, point);
            points.Add(point);
        }

        // Then all eight are pending and no two are the same
        Assert.Equal(8, history.Pending.Count());
        Assert.Equal(8, points.Select(p => string.Join(",", p)).Distinct().Count());
    }

    [Fact]
    public void Resumed_history_gives_the_same_next_point()
    {
        // Given a sweep run to 24 results with trials 24 to 26 pending, the results of each pair arriving in reverse order
        var tpe = new TpeSearch([Unit, Listed(4)], seed: 21, count: 100);
        var live = new SearchHistory();
        var points = new Dictionary<long, double[]>();
        var order = new List<long>();
        for (var index = 0; index < 27; index++)
        {
            points[index] = tpe.PointFor(index, live);
            live.Suggest(index, points[index]);
            if (index % 2 == 1 && index < 24)
            {
                foreach (var finished in new long[] { index, index - 1 })
                {
                    live.Observe(finished, Loss(points[finished]));
                    order.Add(finished);
                }
            }
        }

        // When a fresh history is restored from the journal (points) and the results (in their order)
        var restored = new SearchHistory();
        foreach (var (index, point) in points)
        {
            restored.Suggest(index, point);
        }
        foreach (var index in order)
        {
            restored.Observe(index, Loss(points[index]));
        }

        // Then it gives the same next point as the history that lived through the sweep
        Assert.Equal(live.Observations.Select(o => o.Index), restored.Observations.Select(o => o.Index));
        Assert.Equal(tpe.PointFor(27, live), tpe.PointFor(27, restored));

        static double Loss(double[] p) => Math.Abs(p[0] - 0.6) + p[1];
    }

    [Fact]
    public void Failed_trials_push_suggestions_away_from_them()
    {
        // Given the same 5 results around 0.5 (5 start-up trials: failed ones do not count) and 8 failed trials, either
        // all below 0.25 or all above 0.75
        static SearchHistory With(double failedFrom)
        {
            var history = new SearchHistory();
            double[] finished = [0.5, 0.45, 0.55, 0.4, 0.6];
            for (var i = 0; i < finished.Length; i++)
            {
                history.Suggest(i, [finished[i]]);
                history.Observe(i, Math.Abs(finished[i] - 0.5));
            }
            for (var i = 0; i < 8; i++)
            {
                history.Suggest(finished.Length + i, [failedFrom + 0.03 * i]);
                history.Observe(finished.Length + i, null);
            }
            return history;
        }
        var tpe = new TpeSearch([Unit], seed: 4, count: 1000, TpeSettings.Default with { StartupTrials = 5 });
        var failedLow = With(0.01);
        var failedHigh = With(0.76);

        // When 100 next trials are placed from each history
        var low = Enumerable.Range(100, 100).Average(i => tpe.PointFor(i, failedLow)[0]);
        var high = Enumerable.Range(100, 100).Average(i => tpe.PointFor(i, failedHigh)[0]);

        // Then they lean away from the failures: higher when the low end failed, lower when the high end did
        Assert.True(low > 0.5 && high < 0.5, $"mean point {low:F3} with low failures, {high:F3} with high failures");
    }

    [Fact]
    public void Tpe_is_adaptive_and_counts_its_trials()
    {
        var tpe = new TpeSearch([Unit], seed: 1, count: 40);
        Assert.True(tpe.Adaptive);
        Assert.Equal(40, tpe.Count);
        Assert.Equal(TpeSettings.Default, tpe.Settings);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSearch([Unit], 1, 10, new TpeSettings(Candidates: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSearch([Unit], 1, 10, new TpeSettings(Gamma: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSearch([Unit], 1, 10, new TpeSettings(PriorWeight: 0)));
    }
}
