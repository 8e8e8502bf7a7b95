using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Training.Tests;

public sealed class SweepDataCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-datacheck-").FullName;

    private string Csv => Path.Combine(folder, "data.csv");

    private string SweepPath => Path.Combine(folder, "sweep.yaml");

    [Fact]
    public void Good_csv_reports_its_rows_split_features_and_classes()
    {
        File.WriteAllText(Csv, "a,b,label\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},{i * 2},{(i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "z")}\n")));

        var shape = SweepDataCheck.Check(CsvSweep(validationFraction: 0.2));

        Assert.Equal(new DataShape(10, 2, 3, new SplitSizes(8, 2)), shape);
    }

    [Fact]
    public void Broken_csv_is_reported_with_file_row_and_column()
    {
        File.WriteAllText(Csv, "a,b,label\n1,2,x\n3,4,y\n5,,x\n");

        var error = Assert.Throws<DatasetException>(() => SweepDataCheck.Check(CsvSweep()));

        Assert.Equal($"{Csv}: row 4, column 'b': the cell is empty (missing values are not supported)", error.Message);
    }

    [Fact]
    public void Csv_too_small_for_a_validation_row_names_the_sweep_file_and_the_field()
    {
        // given 3 rows and 10% held out: 0.3 rounds to no validation row
        File.WriteAllText(Csv, "a,label\n1,x\n2,y\n3,x\n");

        var error = Assert.Throws<DatasetException>(() => SweepDataCheck.Check(CsvSweep(validationFraction: 0.1)));

        Assert.Equal($"{SweepPath}: data.validation_fraction=0.1 of the 3 rows of {Csv} leaves 3 training and 0 validation rows; "
            + "each split needs at least one row (change data.validation_fraction or add rows)", error.Message);
    }

    [Fact]
    public void Csv_too_small_for_a_training_row_is_refused()
    {
        File.WriteAllText(Csv, "a,label\n1,x\n2,y\n");

        var error = Assert.Throws<DatasetException>(() => SweepDataCheck.Check(CsvSweep(validationFraction: 0.9)));

        Assert.Contains("leaves 0 training and 2 validation rows", error.Message);
    }

    [Fact]
    public void More_classes_than_outputs_names_model_outputs_and_the_file()
    {
        File.WriteAllText(Csv, "a,label\n1,x\n2,y\n3,z\n4,x\n5,y\n6,z\n");

        var error = Assert.Throws<DatasetException>(() => SweepDataCheck.Check(CsvSweep(outputs: 2)));

        Assert.Equal($"{SweepPath}: model.outputs=2 but {Csv} has 3 classes in column 'label' (x, y, z); "
            + "set model.outputs to at least 3, or leave it out to use the number of classes", error.Message);
    }

    [Fact]
    public void Synthetic_data_too_small_for_its_split_is_refused_without_generating_it()
    {
        var sweep = Sweep("data:\n  synthetic: { samples: 4, features: 3, informative: 2, classes: 2 }\n  validation_fraction: 0.1\n");

        var error = Assert.Throws<DatasetException>(() => SweepDataCheck.Check(sweep));

        Assert.Contains("data.validation_fraction=0.1 of the 4 rows of the synthetic data leaves 4 training and 0 validation rows", error.Message);
    }

    private SweepDefinition CsvSweep(double validationFraction = 0.5, int? outputs = null) =>
        Sweep(FormattableString.Invariant($"data:\n  csv: {{ path: data.csv, label: label }}\n  validation_fraction: {validationFraction}\n")
            + (outputs is { } o ? $"model: {{ outputs: {o} }}\n" : ""));

    private SweepDefinition Sweep(string data)
    {
        File.WriteAllText(SweepPath, "name: check\nmethod: grid\n" + data
            + "training: { epochs: 1, batch_size: 8 }\nparameters:\n  lambda: { values: [0.0] }\n  widths: { values: [[4]] }\n");
        return SweepFile.Load(SweepPath);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
