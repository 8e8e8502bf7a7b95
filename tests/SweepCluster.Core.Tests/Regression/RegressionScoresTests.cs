using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Regression;

public class RegressionScoresTests
{
    [Fact]
    public void Rmse_mae_and_r2_match_a_hand_computation()
    {
        // given targets 1, 2, 3, 4 and predictions 1.5, 2, 2, 5: errors 0.5, 0, -1, 1
        double[] targets = [1, 2, 3, 4];
        double[] predictions = [1.5, 2, 2, 5];
        var errors = predictions.Zip(targets, (p, y) => p - y).ToArray();

        // when scored from the sums
        var scores = RegressionScores.FromSums(errors.Sum(e => e * e), errors.Sum(Math.Abs), targets.Sum(y => (y - 2.5) * (y - 2.5)), targets.Length);

        // then SSE = 2.25, SAE = 2.5, SST = 5: MSE 0.5625, RMSE 0.75, MAE 0.625, R² = 1 − 2.25/5 = 0.55
        Assert.Equal(0.5625, scores.Mse, 12);
        Assert.Equal(0.75, scores.Rmse, 12);
        Assert.Equal(0.625, scores.Mae, 12);
        Assert.Equal(0.55, scores.R2, 12);
    }

    [Fact]
    public void Predicting_the_mean_scores_r2_zero_and_worse_scores_below_zero()
    {
        Assert.Equal(0, RegressionScores.FromSums(5, 4, 5, 4).R2, 12);
        Assert.True(RegressionScores.FromSums(10, 6, 5, 4).R2 < 0);
    }

    [Fact]
    public void R2_of_constant_targets_is_not_a_number()
    {
        Assert.True(double.IsNaN(RegressionScores.FromSums(1, 1, 0, 4).R2));
    }

    [Fact]
    public void Standardising_a_target_and_restoring_it_gives_the_target_back()
    {
        // given targets far from 0 and 1
        double[] targets = [1200.5, 980.25, 1410, 1133.75, 1005];

        // when standardised with their own statistics and restored
        var scaling = TargetScaling.Of(targets);
        var standardised = targets.Select(scaling.Standardise).ToArray();

        // then the standardised values have mean 0 and standard deviation 1, and restoring them returns the targets
        Assert.Equal(0, standardised.Average(), 9);
        Assert.Equal(1, Math.Sqrt(standardised.Average(z => z * z)), 9);
        Assert.Equal(targets, standardised.Select(scaling.Restore), new ToleranceComparer(1e-9));
        Assert.Equal(targets.Average(), scaling.Mean, 9);
    }

    [Fact]
    public void A_constant_target_keeps_scale_one()
    {
        var scaling = TargetScaling.Of([3.0, 3.0, 3.0]);

        Assert.Equal(new TargetScaling(3, 1), scaling);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
