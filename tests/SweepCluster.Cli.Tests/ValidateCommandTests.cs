using static SweepCluster.Cli.Tests.Support.CliRunner;

namespace SweepCluster.Cli.Tests;

public class ValidateCommandTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SweepCluster.sln not found");
    }

    [Fact]
    public void Valid_sweep_prints_its_size_and_a_preview_and_exits_zero()
    {
        // Given the small grid example, when validated
        var (exitCode, output, error) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "grid-small.yaml"));

        // Then it reports 12 trials and previews the first five as a table
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("grid search, 12 trials", output);
        Assert.Contains("trial         lambda  dropout  widths", output);
        Assert.Contains("grid-small-4  1e-04   0        [32, 16]", output);
        Assert.DoesNotContain("grid-small-5", output);
    }

    [Fact]
    public void Set_overrides_reach_the_sweep()
    {
        var (exitCode, output, _) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "random-lambda.yaml"), "--set", "trials=3");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("random search, 3 trials", output);
    }

    [Fact]
    public void Scheduler_and_tpe_settings_are_described()
    {
        // given the ASHA example and the TPE example
        var (ashaExit, asha, _) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "asha-random.yaml"));
        var (tpeExit, tpe, _) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "tpe-learning-rate.yaml"), "--set", "tpe.startup_trials=4");

        // then validate says where ASHA decides and how TPE starts
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (ashaExit, tpeExit));
        Assert.Contains("scheduler: asha, reduction factor 3: rungs at epochs 1, 3, 9 of 27", asha);
        Assert.Contains("tpe search, 30 trials", tpe);
        Assert.Contains("tpe: 4 random start-up trials", tpe);
    }

    [Fact]
    public void Invalid_sweep_prints_every_error_and_exits_two()
    {
        // Given a file with two mistakes
        var file = Path.Combine(Path.GetTempPath(), $"sweepcluster-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "name: x\nmethod: random\nsede: 1\n");
        try
        {
            // When validated
            var (exitCode, output, error) = Invoke("validate", file);

            // Then each error is on its own line as file:line:column: message
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Empty(output);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains($"{file}:3:1: unknown key 'sede' in the sweep file; did you mean 'seed'?", lines);
            Assert.Contains(lines, l => l.StartsWith($"{file}:2:9: method random needs 'trials'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Csv_sweep_reports_what_its_data_holds()
    {
        // given the CSV example (300 rows, 6 features, 3 species, 30% held out), when validated
        var (exitCode, output, error) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "csv-example.yaml"));

        // then the data was loaded and checked
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("data checked: 300 rows (210 training, 90 validation), 6 features, 3 classes", output);
    }

    [Fact]
    public void Broken_csv_is_bad_input_naming_file_row_and_column()
    {
        // given a sweep whose CSV has a non-numeric cell in row 3
        var folder = Directory.CreateTempSubdirectory("sweepcluster-validate-").FullName;
        var csv = Path.Combine(folder, "broken.csv");
        File.WriteAllText(csv, "a,b,label\n1,2,x\n3,oops,y\n5,6,x\n7,8,y\n");
        var sweep = Path.Combine(folder, "sweep.yaml");
        File.WriteAllText(sweep, "name: broken\nmethod: grid\ndata:\n  csv: { path: broken.csv, label: label }\n"
            + "parameters:\n  lambda: { values: [0.0] }\n  widths: { values: [[4]] }\n");
        try
        {
            // when validated
            var (exitCode, output, error) = Invoke("validate", sweep);

            // then it exits 2 with the loader's message and previews nothing
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Empty(output);
            Assert.Equal($"{csv}: row 3, column 'b': 'oops' is not a number", error.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_says_the_regression_task_its_loss_and_the_targets_range()
    {
        var (exitCode, output, _) = Invoke("validate", Path.Combine(RepoRoot(), "sweeps", "regression.yaml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("ranked by val_r2 (maximize)", output);
        Assert.Contains("task: regression (loss mse)", output);
        Assert.Contains("data checked: 4000 rows (3200 training, 800 validation), 10 features, target from 0.677417 to 29.0759", output);
    }

    [Fact]
    public void A_classification_metric_in_the_regression_example_is_exit_2_naming_file_line_and_column()
    {
        var file = Path.Combine(RepoRoot(), "sweeps", "regression.yaml");
        var (exitCode, _, error) = Invoke("validate", file, "--set", "metric=val_accuracy");

        Assert.Equal(2, exitCode);
        Assert.Contains("metric val_accuracy is for classification sweeps, and this sweep is task: regression", error);
    }
}
