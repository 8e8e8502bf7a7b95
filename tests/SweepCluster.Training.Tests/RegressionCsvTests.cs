using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Training.Tests;

public sealed class RegressionCsvTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-regression-csv-").FullName;

    [Fact]
    public void A_regression_label_is_read_as_a_number()
    {
        var data = Load("a,b,price\n1,2,10.5\n3,4,-2e3\n5,6,7\n");

        Assert.True(data.IsRegression);
        Assert.Equal([10.5, -2000, 7], data.Targets!);
        Assert.Empty(data.ClassNames);
        Assert.Equal(["a", "b"], data.FeatureNames);
    }

    [Fact]
    public void A_non_numeric_target_is_refused_naming_file_row_and_column()
    {
        var path = Write("a,b,price\n1,2,10.5\n\n3,4,cheap\n");

        var error = Assert.Throws<DatasetException>(() => CsvDatasetLoader.Load(Spec(path))).Message;

        Assert.Equal($"{path}: row 4, column 'price': 'cheap' is not a number (task: regression needs a numeric target)", error);
    }

    [Fact]
    public void A_nan_target_is_refused_naming_file_row_and_column()
    {
        var path = Write("a,price\n1,10.5\n2,NaN\n");

        var error = Assert.Throws<DatasetException>(() => CsvDatasetLoader.Load(Spec(path))).Message;

        Assert.StartsWith($"{path}: row 3, column 'price': 'NaN' is not a finite number", error);
    }

    private TabularData Load(string text) => CsvDatasetLoader.Load(Spec(Write(text)));

    private static CsvDataSpec Spec(string path) => new CsvDataSpec(path, "price") { Task = SweepTask.Regression };

    private string Write(string text)
    {
        var path = Path.Combine(folder, "data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
