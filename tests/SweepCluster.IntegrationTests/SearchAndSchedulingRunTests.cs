using System.Text.Json;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// The example sweeps of early stopping and of TPE, run by the CLI as a user runs them (cut short), and read back from
/// results.jsonl, the leaderboard and monitor.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SearchAndSchedulingRunTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-asha-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task Asha_example_stops_most_trials_at_its_rungs_and_reports_them_everywhere()
    {
        // given the ASHA example cut to 9 trials of 9 epochs (rungs at epochs 1 and 3), on two CPU slots
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "asha-random.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--set", "trials=9", "--set", "training.epochs=9",
            "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            // when it runs
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
            Assert.Contains("stopped early", run.Output);
        }

        // then at most ceil(9/3) = 3 trials went past the first rung, every stopped trial stopped at a rung, with a reason
        var results = Results();
        Assert.Equal(9, results.Count);
        var stopped = results.Where(r => r.Status == "stopped_early").ToList();
        Assert.True(stopped.Count >= 6, string.Join(", ", results.Select(r => $"{r.Status}/{r.EpochsRun}")));
        Assert.All(stopped, r => Assert.Contains(r.EpochsRun, new[] { 1, 3 }));
        Assert.All(stopped, r => Assert.StartsWith("asha:", r.Reason));
        Assert.All(results.Where(r => r.Status == "completed"), r => Assert.Equal(9, r.EpochsRun));

        // and the leaderboard ranks the stopped trials too, and monitor counts them
        var csv = File.ReadAllLines(Path.Combine(Output, "leaderboard.csv"));
        Assert.Equal(stopped.Count, csv.Count(line => line.Contains(",stopped_early,")));
        Assert.DoesNotContain(csv.Skip(1), line => line.StartsWith(','));
        using var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]);
        Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
        Assert.Equal(stopped.Count, JsonDocument.Parse(monitor.Output).RootElement.GetProperty("stopped_early").GetInt32());
    }

    [Fact]
    public async Task Tpe_example_runs_its_trials_with_values_inside_their_domains()
    {
        // given the TPE example cut to 8 trials, 3 of them random start-up trials, on two CPU slots
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "tpe-learning-rate.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--set", "trials=8", "--set", "tpe.startup_trials=3",
            "--set", "training.epochs=2", "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            // when it runs
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }

        // then every trial finished once, each with its own learning rate within the five decades
        var rates = File.ReadAllLines(Path.Combine(Output, "results.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("swept_values").EnumerateArray()
                .Single(v => v.GetProperty("name").GetString() == "learning_rate").GetProperty("text").GetString()!)
            .Select(text => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(8, rates.Count);
        Assert.All(rates, rate => Assert.InRange(rate, 1e-5, 1.0));
        Assert.Equal(8, rates.Distinct().Count());
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

    private List<(string Status, int EpochsRun, string Reason)> Results() =>
    [
        .. File.ReadAllLines(Path.Combine(Output, "results.jsonl")).Select(line =>
        {
            var result = JsonDocument.Parse(line).RootElement.GetProperty("result");
            return (result.GetProperty("status").GetString()!, result.GetProperty("metrics").GetProperty("epochs_run").GetInt32(),
                result.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString()! : "");
        }),
    ];
}
