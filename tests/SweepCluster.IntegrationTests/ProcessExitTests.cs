using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A process that loaded libtorch ends with <c>_exit</c> after its last ProcessExit handler, skipping libtorch's static
/// destructors (issue 24). What it wrote must all be there, its exit code kept, and nothing of the runtime's left behind.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProcessExitTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-exit-").FullName;

    [Fact]
    public async Task A_run_ends_with_its_output_flushed_its_log_closed_and_no_debugger_pipes_left()
    {
        // when a one-trial sweep runs to its end
        var output = Path.Combine(folder, "out");
        using var run = NodeProcess.Start("run", ["run", Path.Combine(CliBinary.RepoRoot, "bench", "one-trial.yaml"), "--devices", "cpu", "--out", output]);
        Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);

        // then the console has the last line it printed, the log file its last event, and the results their line
        Assert.Contains("Model:", run.Output);
        Assert.Contains(ClefEvent.ReadFolder(Path.Combine(output, "logs")), e => e.Template == EventTemplates.SweepFinished);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "results.jsonl")));

        // and the runtime's debugger pipes for that process were removed, as a normal exit removes them
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), $"clr-debug-pipe-{run.Id}-*"));
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
}
