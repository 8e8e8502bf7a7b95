namespace SweepCluster.Training.Tests.Support;

/// <summary>
/// Ridge regression in closed form, the linear baseline a regression network is compared with: inputs standardised with
/// the training rows' statistics, the target centred on its training mean, β = (XᵀX + αI)⁻¹ Xᵀ(y − ȳ) by Gaussian
/// elimination (a few inputs: the system is tiny).
/// </summary>
internal sealed class RidgeRegression
{
    private readonly double[] mean;
    private readonly double[] scale;
    private readonly double intercept;
    private readonly double[] beta;

    public RidgeRegression(float[] features, int columns, double[] targets, IReadOnlyList<int> rows, double alpha)
    {
        mean = new double[columns];
        scale = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            mean[c] = rows.Average(r => features[r * columns + c]);
            scale[c] = Math.Sqrt(rows.Average(r => Math.Pow(features[r * columns + c] - mean[c], 2)));
        }
        intercept = rows.Average(r => targets[r]);
        var gram = new double[columns, columns + 1];
        foreach (var r in rows)
        {
            var x = Standardised(features, columns, r);
            for (var i = 0; i < columns; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    gram[i, j] += x[i] * x[j];
                }
                gram[i, columns] += x[i] * (targets[r] - intercept);
            }
        }
        for (var i = 0; i < columns; i++)
        {
            gram[i, i] += alpha;
        }
        beta = Solve(gram, columns);
    }

    public double Predict(float[] features, int columns, int row) =>
        intercept + Standardised(features, columns, row).Zip(beta, (x, b) => x * b).Sum();

    private double[] Standardised(float[] features, int columns, int row) =>
        [.. Enumerable.Range(0, columns).Select(c => (features[row * columns + c] - mean[c]) / scale[c])];

    // Gauss–Jordan on the augmented [A | b]; A is symmetric positive definite (α > 0), so no pivoting is needed.
    private static double[] Solve(double[,] system, int n)
    {
        for (var p = 0; p < n; p++)
        {
            var pivot = system[p, p];
            for (var j = p; j <= n; j++)
            {
                system[p, j] /= pivot;
            }
            for (var i = 0; i < n; i++)
            {
                if (i == p)
                {
                    continue;
                }
                var factor = system[i, p];
                for (var j = p; j <= n; j++)
                {
                    system[i, j] -= factor * system[p, j];
                }
            }
        }
        return [.. Enumerable.Range(0, n).Select(i => system[i, n])];
    }
}
