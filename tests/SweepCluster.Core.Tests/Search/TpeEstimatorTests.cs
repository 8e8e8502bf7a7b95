using SweepCluster.Core.Search;

namespace SweepCluster.Core.Tests.Search;

public class TpeEstimatorTests
{
    [Fact]
    public void Bandwidth_is_the_larger_gap_to_a_neighbour_with_the_prior_mean_among_them()
    {
        // Given points 0.1, 0.9 and 0.45 (sorted with the prior mean: 0.1, 0.45, 0.5, 0.9)
        var estimator = new ParzenEstimator([0.1, 0.9, 0.45], priorWeight: 1);

        // Then the ends have their one gap (the domain's ends do not count), the middle the larger of its two,
        // and the prior has σ 1
        Assert.Equal([0.35, 0.4, 0.35, 1.0], estimator.Sigmas.Select(s => Math.Round(s, 12)));
    }

    [Fact]
    public void Bandwidth_is_clipped_to_one_over_one_plus_the_components()
    {
        // Given three points close together: 4 components, so no σ is under 1/5
        var close = new ParzenEstimator([0.30, 0.31, 0.32], priorWeight: 1);
        Assert.All(close.Sigmas.Take(2), s => Assert.Equal(0.2, s, 12));
        Assert.Equal(0.2, close.Sigmas[2], 12);

        // Given 200 points, the floor is 1/100
        var many = new ParzenEstimator([.. Enumerable.Range(0, 200).Select(i => 0.2 + i * 1e-5)], priorWeight: 1);
        Assert.All(many.Sigmas.SkipLast(2), s => Assert.Equal(0.01, s, 12));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.02 })]
    [InlineData(new[] { 0.3, 0.31, 0.97 })]
    public void Density_integrates_to_one_over_the_unit_interval(double[] points)
    {
        // Given an estimator, when its density is integrated over [0, 1] (midpoint rule)
        var estimator = new ParzenEstimator(points, priorWeight: 1);
        const int steps = 20_000;
        var integral = Enumerable.Range(0, steps).Sum(i => Math.Exp(estimator.LogDensity((i + 0.5) / steps))) / steps;

        // Then the truncated mixture is a density on [0, 1]
        Assert.Equal(1.0, integral, 4);
    }

    [Fact]
    public void Samples_follow_the_density_and_stay_in_the_unit_interval()
    {
        // Given an estimator concentrated near 0.8
        var estimator = new ParzenEstimator([0.78, 0.8, 0.82, 0.81, 0.79, 0.8, 0.8, 0.8], priorWeight: 1);

        // When 4000 samples are drawn from stateless seeds
        var samples = Enumerable.Range(0, 4000).Select(i => estimator.Sample(SplitMix64.Derive(1, 99, i))).ToList();

        // Then each lies in [0, 1), and the share within [0.6, 1) matches the density's mass there
        Assert.All(samples, x => Assert.InRange(x, 0.0, Math.BitDecrement(1.0)));
        const int steps = 4000;
        var mass = Enumerable.Range(0, steps).Sum(i => Math.Exp(estimator.LogDensity(0.6 + 0.4 * (i + 0.5) / steps))) * 0.4 / steps;
        Assert.Equal(mass, samples.Count(x => x >= 0.6) / 4000.0, 1);
    }

    [Fact]
    public void Normal_cdf_matches_known_values()
    {
        Assert.Equal(0.5, Normal.Cdf(0), 15);
        Assert.Equal(0.8413447460685429, Normal.Cdf(1), 14);
        Assert.Equal(0.022750131948179195, Normal.Cdf(-2), 14);
        Assert.Equal(0.9986501019683699, Normal.Cdf(3), 14);
        Assert.Equal(2.866515718791939e-7, Normal.Cdf(-5), 14);
        Assert.Equal(0, Normal.Cdf(-40));
        Assert.Equal(1, Normal.Cdf(40));
    }

    [Fact]
    public void Observation_weights_are_flat_below_25_then_ramp_for_the_oldest()
    {
        Assert.Equal([1.0, 1.0, 1.0], TpeWeights.For(3));
        Assert.Equal(Enumerable.Repeat(1.0, 25), TpeWeights.For(25));

        // 30 observations: a ramp of 5 from 1/30 to 1 (numpy.linspace(1/30, 1, 5)), then 25 ones
        var weights = TpeWeights.For(30);
        Assert.Equal(30, weights.Length);
        var step = (1 - 1 / 30.0) / 4;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1 / 30.0 + i * step, weights[i], 12);
        }
        Assert.All(weights.Skip(5), w => Assert.Equal(1.0, w));
        Assert.Equal([1 / 26.0, 1.0], TpeWeights.For(26).Take(2));
    }

    [Fact]
    public void Categorical_probability_is_optunas_mixture_of_smoothed_kernels_and_a_uniform_prior()
    {
        // Given 3 values, prior weight 1.5 and observations at values 0, 2, 2 (4 kernels with the prior)
        var estimator = new CategoricalEstimator(3, [0, 2, 2], priorWeight: 1.5);

        // Then each observation's kernel is 1.5/4 on every value plus 1 on its own, normalised (over 2.125), the prior
        // kernel is uniform, and the mixture weighs the 3 observations by 1 and the prior by 1.5 (over 4.5)
        const double smoothing = 1.5 / 4, row = 3 * smoothing + 1;
        double[] expected =
        [
            ((smoothing + 1 + 2 * smoothing) / row + 1.5 / 3) / 4.5,
            (3 * smoothing / row + 1.5 / 3) / 4.5,
            ((smoothing + 2 * (smoothing + 1)) / row + 1.5 / 3) / 4.5,
        ];
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(expected[k], estimator.Probabilities[k], 12);
        }
        Assert.Equal(1.0, estimator.Probabilities.Sum(), 12);
        Assert.Equal(Math.Log(expected[2]), estimator.LogProbability(2), 12);

        // and with 2 values, one observation and prior weight 1, the figures Optuna gives: 0.625 and 0.375
        var one = new CategoricalEstimator(2, [0], priorWeight: 1);
        Assert.Equal([0.625, 0.375], one.Probabilities.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Categorical_samples_follow_the_probabilities()
    {
        var estimator = new CategoricalEstimator(4, [3, 3, 3, 3, 3, 3, 3], priorWeight: 1);
        var samples = Enumerable.Range(0, 2000).Select(i => estimator.Sample(SplitMix64.Derive(2, 99, i))).ToList();
        Assert.Equal(estimator.Probabilities[3], samples.Count(k => k == 3) / 2000.0, 1);
        Assert.All(samples, k => Assert.InRange(k, 0, 3));
    }

    [Fact]
    public void Good_group_is_the_best_tenth_and_bad_holds_the_rest_the_failed_and_the_pending()
    {
        // Given 12 suggested trials of which 11 have a result, one failed and two tied for the best, arriving out of order
        var history = new SearchHistory();
        for (var index = 0; index < 12; index++)
        {
            history.Suggest(index, [index / 100.0]);
        }
        double?[] losses = [5, 4, 0.5, 3, null, 0.5, 6, 7, 8, 9, 10, 11];
        foreach (var index in new[] { 5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 10 })
        {
            history.Observe(index, losses[index]);
        }

        // When split (10 results with a loss: ⌈0.1·10⌉ = 1 good)
        var groups = TpeGroups.Split(history, TpeSettings.Default);

        // Then the good one is the first of the tied best by index, and bad holds all the others, failed and pending
        // included, by index whatever the order the results came in
        Assert.Equal([[0.02]], groups.Good);
        Assert.Equal([0.0, 0.01, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11], groups.Bad.Select(p => p[0]));
    }

    [Fact]
    public void Loss_that_is_not_finite_counts_as_a_failure()
    {
        // Given a NaN loss (which would sort first) and two ordinary ones
        var history = new SearchHistory();
        double[] losses = [double.NaN, 2, 1];
        for (var index = 0; index < losses.Length; index++)
        {
            history.Suggest(index, [index / 10.0]);
            history.Observe(index, losses[index]);
        }

        // Then the good trial is the best finite one and the NaN one is bad
        var groups = TpeGroups.Split(history, TpeSettings.Default);
        Assert.Equal([[0.2]], groups.Good);
        Assert.Equal([0.0, 0.1], groups.Bad.Select(p => p[0]));
    }

    [Fact]
    public void Good_group_grows_with_gamma_and_stops_at_max_good()
    {
        var history = new SearchHistory();
        for (var index = 0; index < 300; index++)
        {
            history.Suggest(index, [0.5]);
            history.Observe(index, index);
        }
        Assert.Equal(25, TpeGroups.Split(history, TpeSettings.Default).Good.Count);
        Assert.Equal(30, TpeGroups.Split(history, new TpeSettings(Gamma: 0.1, MaxGood: 100)).Good.Count);
        Assert.Equal(300, TpeGroups.Split(history, new TpeSettings(Gamma: 1, MaxGood: 1000)).Good.Count);
    }
}
