using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>What a user sees on the console of <c>run</c>, next to what the CLEF file keeps.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class ConsoleOutputTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-console-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task Run_prints_no_line_of_akkas_own_stdout_logger()
    {
        // when a short sweep runs to its end (Akka printed its shutdown chatter at most exits)
        var console = await RunQuickstartAsync();

        // then every line is Serilog's, none Akka's raw "[DEBUG][date][Thread …]" format
        Assert.DoesNotContain("StandardOutLogger", console);
        Assert.DoesNotContain("[DEBUG]", console);
        Assert.DoesNotContain("[Thread ", console);
    }

    [Fact]
    public async Task Console_rounds_metrics_to_six_significant_digits_while_the_clef_file_keeps_full_precision()
    {
        // when a short sweep runs
        var console = await RunQuickstartAsync();

        // then each "finished" console line shows the metric with at most 6 significant digits
        var shown = FinishedLine().Matches(console).ToDictionary(m => m.Groups["trial"].Value, m => m.Groups["loss"].Value);
        Assert.Equal(4, shown.Count);
        var logged = ClefEvent.ReadFolder(Path.Combine(Output, "logs")).Where(e => e.Template == EventTemplates.TrialFinished)
            .ToDictionary(e => e.Property("TrialId")!, e => e.Properties.GetProperty("ValLoss").GetDouble());
        foreach (var (trial, text) in shown)
        {
            Assert.Equal(logged[trial].ToString("G6", CultureInfo.InvariantCulture), text);
        }

        // and the CLEF file holds the same full-precision value as results.jsonl
        var recorded = File.ReadAllLines(Path.Combine(Output, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("result"))
            .ToDictionary(r => r.GetProperty("trial_id").GetString()!, r => r.GetProperty("metrics").GetProperty("val_loss").GetDouble());
        Assert.Equal(recorded.OrderBy(r => r.Key), logged.OrderBy(l => l.Key));
        Assert.Contains(logged.Values, v => v.ToString("R", CultureInfo.InvariantCulture).Length > 8);
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

    private async Task<string> RunQuickstartAsync()
    {
        var quickstart = Path.Combine(CliBinary.RepoRoot, "sweeps", "quickstart.yaml");
        using var run = NodeProcess.Start("run", ["run", quickstart, "--set", "trials=4", "--set", "training.epochs=2", "--devices", "cpu", "--out", Output]);
        Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        return run.Output;
    }

    [GeneratedRegex(@"Trial (?<trial>\S+) finished: val_loss=(?<loss>\S+) sparsity=")]
    private static partial Regex FinishedLine();
}
