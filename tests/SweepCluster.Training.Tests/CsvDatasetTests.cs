using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Training.Tests;

public class CsvDatasetTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-csv-").FullName;

    [Fact]
    public void Reads_numeric_features_and_named_classes()
    {
        var data = Load("a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n");

        Assert.Equal(3, data.Rows);
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal(["setosa", "virginica"], data.ClassNames);
        Assert.Equal([0L, 1, 0], data.Labels);
        Assert.Equal([1f, 2, 3, 4, 5, 6], data.Features);
    }

    [Fact]
    public void Integer_labels_are_ordered_numerically()
    {
        var data = Load("x,species\n1,10\n2,9\n3,10\n");

        Assert.Equal(["9", "10"], data.ClassNames);
    }

    [Fact]
    public void Missing_label_column_is_named_with_the_columns_there()
    {
        var error = LoadError("a,b,kind\n1,2,x\n");

        Assert.Contains("row 1", error);
        Assert.Contains("no label column 'species'", error);
        Assert.Contains("a, b, kind", error);
    }

    [Fact]
    public void Non_numeric_cell_names_its_row_and_column()
    {
        var error = LoadError("a,b,species\n1,2,x\n3,abc,y\n");

        Assert.Contains("row 3, column 'b': 'abc' is not a number", error);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        Assert.Contains("the file is empty", LoadError(""));
    }

    [Fact]
    public void One_class_only_is_reported()
    {
        Assert.Contains("one class only ('x')", LoadError("a,species\n1,x\n2,x\n"));
    }

    [Fact]
    public void NaN_cell_is_reported()
    {
        Assert.Contains("row 2, column 'a': 'NaN' is not a finite number", LoadError("a,species\nNaN,x\n2,y\n"));
    }

    [Fact]
    public void Short_row_is_reported()
    {
        Assert.Contains("row 3: 2 cells, but the header has 3 columns", LoadError("a,b,species\n1,2,x\n3,y\n"));
    }

    [Fact]
    public void Error_messages_name_the_file()
    {
        Assert.StartsWith(Path.Combine(folder, "data.csv"), LoadError(""));
    }

    private TabularData Load(string text)
    {
        var path = Path.Combine(folder, "data.csv");
        File.WriteAllText(path, text);
        return CsvDatasetLoader.Load(new CsvDataSpec(path, "species"));
    }

    private string LoadError(string text) => Assert.Throws<DatasetException>(() => Load(text)).Message;

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
