namespace SweepCluster.IntegrationTests;

/// <summary>
/// Data that cannot be used is bad input: <c>run</c> and <c>coordinator</c>, started as a user starts them, refuse it
/// before any trial with exit 2 and the reason, and write nothing (no output folder, no logs).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class BadDataTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-bad-data-").FullName;

    private string Output => Path.Combine(folder, "out");

    private string Csv => Path.Combine(folder, "data.csv");

    [Fact]
    public async Task Run_on_a_broken_csv_exits_2_naming_row_and_column_and_writes_nothing()
    {
        // given a CSV with a non-numeric cell in row 3
        File.WriteAllText(Csv, "a,b,label\n1,2,x\n3,oops,y\n5,6,x\n7,8,y\n");

        // when run
        using var run = NodeProcess.Start("run", ["run", WriteSweep(), "--devices", "cpu", "--out", Output]);
        var exit = await run.WaitForExitAsync(RunTimeout);

        // then it is refused before any trial
        Assert.True(exit == 2, run.Output);
        Assert.Contains($"{Csv}: row 3, column 'b': 'oops' is not a number", run.Output);
        AssertRefusedBeforeAnything(run.Output);
    }

    [Fact]
    public async Task Run_on_too_few_rows_for_a_validation_split_exits_2_naming_the_field()
    {
        // given 4 rows with 10% held out: no validation row
        File.WriteAllText(Csv, "a,label\n1,x\n2,y\n3,x\n4,y\n");

        using var run = NodeProcess.Start("run", ["run", WriteSweep(validationFraction: "0.1"), "--devices", "cpu", "--out", Output]);
        var exit = await run.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, run.Output);
        Assert.Contains($"data.validation_fraction=0.1 of the 4 rows of {Csv} leaves 4 training and 0 validation rows", run.Output);
        AssertRefusedBeforeAnything(run.Output);
    }

    [Fact]
    public async Task Run_with_fewer_outputs_than_classes_exits_2_naming_model_outputs_and_the_file()
    {
        // given three classes and model.outputs 2
        File.WriteAllText(Csv, "a,label\n1,x\n2,y\n3,z\n4,x\n5,y\n6,z\n");

        using var run = NodeProcess.Start("run", ["run", WriteSweep(outputs: 2), "--devices", "cpu", "--out", Output]);
        var exit = await run.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, run.Output);
        Assert.Contains($"model.outputs=2 but {Csv} has 3 classes in column 'label' (x, y, z)", run.Output);
        AssertRefusedBeforeAnything(run.Output);
    }

    [Fact]
    public async Task Coordinator_on_a_broken_csv_exits_2_before_joining_or_writing()
    {
        File.WriteAllText(Csv, "a,label\n1,x\n2,\n3,y\n");

        using var coordinator = NodeProcess.Start("coordinator", ["coordinator", WriteSweep(), "--host", "127.0.0.1", "--port", "0", "--out", Output]);
        var exit = await coordinator.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, coordinator.Output);
        Assert.Contains($"{Csv}: row 3, column 'label': the label is empty", coordinator.Output);
        AssertRefusedBeforeAnything(coordinator.Output);
    }

    private string WriteSweep(string validationFraction = "0.5", int? outputs = null)
    {
        var path = Path.Combine(folder, "sweep.yaml");
        File.WriteAllText(path, "name: bad-data\nmethod: grid\n"
            + $"data:\n  csv: {{ path: data.csv, label: label }}\n  validation_fraction: {validationFraction}\n"
            + (outputs is { } o ? $"model: {{ outputs: {o} }}\n" : "")
            + "training: { epochs: 1, batch_size: 8 }\nparameters:\n  lambda: { values: [0.0, 1.0e-3] }\n  widths: { values: [[4]] }\n");
        return path;
    }

    private void AssertRefusedBeforeAnything(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Trial ", output);
        Assert.False(Directory.Exists(Output), "nothing should be written for bad data");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
