using System.Diagnostics;
using System.Text;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A results.jsonl that cannot be resumed ends the command within seconds, never a hang (issue 27): a damaged line before
/// the last is bad input (exit 2, the message names the file and the line, the file keeps every byte); a results.jsonl
/// that cannot be opened is a failure (exit 1). <c>run</c> and <c>coordinator</c> alike, started as a user starts them.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DamagedResultsTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);

    // Process start, the data check and the actor system's start take a few seconds; a hang is what this bound catches.
    private static readonly TimeSpan EndsWithin = TimeSpan.FromSeconds(60);

    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-damaged-").FullName;
    private readonly RunFolder output;

    public DamagedResultsTests() => output = new RunFolder(Path.Combine(folder, "out"));

    /// <summary>6 quickstart trials of 1 epoch: a folder with six result lines, quickly.</summary>
    private static readonly string[] Sweep =
        [Path.Combine(CliBinary.RepoRoot, "sweeps", "quickstart.yaml"), "--set", "trials=6", "--set", "training.epochs=1"];

    [Fact]
    public async Task Run_on_a_results_file_with_a_damaged_fourth_line_exits_2_naming_the_line_and_leaves_the_file_as_it_was()
    {
        // given a finished run whose results.jsonl has its 4th line (of 6) damaged
        var damaged = await FinishedFolderWithDamagedLineAsync(4);

        // when the same command runs again
        var (exit, printed, took) = await RunUntilExitAsync("run", ["run", .. Sweep, "--devices", "cpu", "--out", output.Path]);

        // then it ends at once with exit 2, naming the file and line 4, and not a byte of results.jsonl changed
        Assert.True(exit == 2, $"exit {exit} after {took.TotalSeconds:F1} s:\n{printed}");
        Assert.Contains($"{output.ResultsPath}:4: not a result line", printed);
        Assert.Equal(damaged, File.ReadAllBytes(output.ResultsPath));
    }

    [Fact]
    public async Task Coordinator_on_a_results_file_with_a_damaged_fourth_line_exits_2_naming_the_line_and_leaves_the_file_as_it_was()
    {
        // given a finished run whose results.jsonl has its 4th line (of 6) damaged
        var damaged = await FinishedFolderWithDamagedLineAsync(4);

        // when a coordinator is started on that folder with the same sweep
        var (exit, printed, took) = await RunUntilExitAsync("coordinator",
            ["coordinator", .. Sweep, "--host", "127.0.0.1", "--port", "0", "--out", output.Path]);

        // then it ends with exit 2 instead of waiting for ever, naming the file and line 4, and the file is as it was
        Assert.True(exit == 2, $"exit {exit} after {took.TotalSeconds:F1} s:\n{printed}");
        Assert.Contains($"{output.ResultsPath}:4: not a result line", printed);
        Assert.Equal(damaged, File.ReadAllBytes(output.ResultsPath));
    }

    [Fact]
    public async Task Run_whose_results_file_cannot_be_opened_exits_1_naming_it()
    {
        // given an output folder where results.jsonl is a directory: the results actor cannot open it
        Directory.CreateDirectory(output.ResultsPath);

        // when run there
        var (exit, printed, took) = await RunUntilExitAsync("run", ["run", .. Sweep, "--devices", "cpu", "--out", output.Path]);

        // then it ends with exit 1 (a failure, not bad input), naming the file, and trains nothing
        Assert.True(exit == 1, $"exit {exit} after {took.TotalSeconds:F1} s:\n{printed}");
        Assert.Contains(output.ResultsPath, printed);
        Assert.DoesNotContain("Trial quickstart", printed);
    }

    [Fact]
    public async Task Coordinator_whose_results_file_cannot_be_opened_exits_1_naming_it()
    {
        // given an output folder where results.jsonl is a directory
        Directory.CreateDirectory(output.ResultsPath);

        // when a coordinator is started there
        var (exit, printed, took) = await RunUntilExitAsync("coordinator",
            ["coordinator", .. Sweep, "--host", "127.0.0.1", "--port", "0", "--out", output.Path]);

        // then it ends with exit 1, naming the file
        Assert.True(exit == 1, $"exit {exit} after {took.TotalSeconds:F1} s:\n{printed}");
        Assert.Contains(output.ResultsPath, printed);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a process still closing a file: the OS cleans the temp folder later
        }
    }

    /// <summary>Runs the sweep to its end, then overwrites line <paramref name="line"/> of results.jsonl with text that is not a result; returns the damaged bytes.</summary>
    private async Task<byte[]> FinishedFolderWithDamagedLineAsync(int line)
    {
        using (var first = NodeProcess.Start("run", ["run", .. Sweep, "--devices", "cpu", "--out", output.Path]))
        {
            Assert.True(await first.WaitForExitAsync(RunTimeout) == 0, first.Output);
        }
        var lines = File.ReadAllText(output.ResultsPath, Encoding.UTF8).Split('\n');
        Assert.True(lines.Length > line + 1, $"expected more than {line} result lines, got {lines.Length - 1}");
        lines[line - 1] = lines[line - 1][..(lines[line - 1].Length / 2)] + "#damaged by hand";
        File.WriteAllText(output.ResultsPath, string.Join('\n', lines), new UTF8Encoding(false));
        return File.ReadAllBytes(output.ResultsPath);
    }

    private static async Task<(int Exit, string Printed, TimeSpan Took)> RunUntilExitAsync(string name, string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = NodeProcess.Start(name, arguments);
        var exit = await process.WaitForExitAsync(EndsWithin);
        return (exit, process.Output, clock.Elapsed);
    }
}
