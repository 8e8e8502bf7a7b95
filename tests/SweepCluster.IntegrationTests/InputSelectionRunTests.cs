using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweepCluster.IntegrationTests;

/// <summary>The input-selection example (group L1 on the inputs with a refit), run by the CLI as a user runs it, and read back.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class InputSelectionRunTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(300);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-inputs-").FullName;

    private string Output => Path.Combine(folder, "out");

    [GeneratedRegex("<tr data-input=\"([^\"]+)\" data-kept=\"([0-9]+)\">")]
    private static partial Regex Bar();

    [Fact]
    public async Task Input_selection_example_goes_from_every_input_to_none_through_the_informative_ones()
    {
        // given the example: a lambda path of group L1 over the 40 inputs of synthetic data whose x0..x3 carry the signal
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "input-selection.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            // when it runs
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }

        // then lambda 0 keeps every input, the largest lambda none, and some trial keeps exactly the informative ones
        using var board = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "leaderboard.json")));
        var path = board.RootElement.EnumerateArray()
            .Select(row => (Lambda: row.GetProperty("lambda").GetDouble(),
                Names: row.GetProperty("active_input_names").EnumerateArray().Select(n => n.GetString()!).ToList()))
            .OrderBy(p => p.Lambda)
            .ToList();
        Assert.Equal(40, path[0].Names.Count);
        Assert.Empty(path[^1].Names);
        string[] informative = ["x0", "x1", "x2", "x3"];
        Assert.Contains(path, p => p.Names.SequenceEqual(informative));

        // and the report's input survival puts the informative inputs first, kept by every one of the top 10 trials
        var bars = Bar().Matches(File.ReadAllText(Path.Combine(Output, "report.html"))).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(40, bars.Count);
        Assert.Equal(informative.Select(name => (name, "10")), bars.Take(4));

        // and monitor shows what the best trial kept
        using var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]);
        Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
        var best = JsonDocument.Parse(monitor.Output).RootElement.GetProperty("best");
        var bestName = board.RootElement[0].GetProperty("trial_id").GetString();
        Assert.Equal(bestName, best.GetProperty("trial_id").GetString());
        Assert.Equal(board.RootElement[0].GetProperty("active_input_names").GetRawText(), best.GetProperty("active_input_names").GetRawText());
        Assert.Equal(board.RootElement[0].GetProperty("active_neurons").GetRawText(), best.GetProperty("active_neurons").GetRawText());
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
