using System.CommandLine;

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

    private static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
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
}
