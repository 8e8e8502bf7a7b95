using System.Globalization;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Models;
using static SweepCluster.Cli.Tests.Support.CliRunner;

namespace SweepCluster.Cli.Tests;

/// <summary>
/// <c>predict</c> on a regression model folder written from known weights: one linear layer that outputs
/// z_a − 2·z_b + 0.5 (standardised units), and a target scaling of mean 1000 and std 50.
/// </summary>
public sealed class RegressionPredictTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-predict-regression-").FullName;

    public RegressionPredictTests()
    {
        // a = 100 + 10·z_a, b = -5 + 0.1·z_b
        var model = new TrainedModel(["a", "b"], [],
            ModelTensor.FromFloats([100f, -5f], 2), ModelTensor.FromFloats([10f, 0.1f], 2),
            [new ModelLayer(ModelTensor.FromFloats([1f, -2f], 1, 2), ModelTensor.FromFloats([0.5f], 1))], 7, "price",
            SweepTask.Regression, TargetMean: 1000, TargetStd: 50);
        var entry = new LeaderboardEntry(0, [], new TrialResult("t-0", TrialStatus.Completed, null, null, []));
        ModelFolder.Write(ModelDir, model, entry, new ModelOrigin("t", "hash"));
    }

    private string ModelDir => Path.Combine(folder, "best");

    [Fact]
    public void A_regression_model_writes_one_prediction_column_in_the_targets_units()
    {
        // given raw rows (the target column may be there too)
        var data = Path.Combine(folder, "in.csv");
        File.WriteAllLines(data, ["b,price,a", "-5,?,100", "-4.9,?,120", "-5.2,?,90"]);

        // when predicted
        var (exitCode, output, error) = Invoke("predict", ModelDir, data);

        // then each row's prediction is (z_a − 2·z_b + 0.5)·50 + 1000
        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("prediction", lines[0]);
        double[] expected = [(0 - 0 + 0.5) * 50 + 1000, (2 - 2 + 0.5) * 50 + 1000, (-1 + 4 + 0.5) * 50 + 1000];
        Assert.Equal(expected, lines.Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)), new Tolerance(1e-2));
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
