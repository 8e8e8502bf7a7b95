namespace SweepCluster.Core.Results;

/// <summary>
/// A regression network's validation scores, in the target's own units: <see cref="Mse"/> (the regression val_loss),
/// <see cref="Rmse"/>, <see cref="Mae"/>, and <see cref="R2"/> = 1 − SSE / SST, where SST is the sum of squares of the
/// validation targets about their own mean (so R² is 0 for a model that predicts that mean, 1 for a perfect one, and
/// below 0 for one worse than the mean). R² is NaN when the validation targets are all equal.
/// </summary>
public readonly record struct RegressionScores(double Mse, double Rmse, double Mae, double R2)
{
    /// <param name="squaredErrors">Σ (prediction − target)² over the rows.</param>
    /// <param name="absoluteErrors">Σ |prediction − target|.</param>
    /// <param name="totalSquares">Σ (target − mean target)².</param>
    public static RegressionScores FromSums(double squaredErrors, double absoluteErrors, double totalSquares, long rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var mse = squaredErrors / rows;
        return new RegressionScores(mse, Math.Sqrt(mse), absoluteErrors / rows,
            totalSquares > 0 ? 1 - squaredErrors / totalSquares : double.NaN);
    }
}
