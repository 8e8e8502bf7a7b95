using System.Text.Json;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// The log format end to end: the CLI runs a real sweep (actors, trainer, Serilog writing CLEF as for a user) and
/// the monitor code reads the logs it just wrote. The recorded logs of the Core and CLI tests cannot catch a
/// reworded template; this does, because each monitored event must come from the running code.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FreshLogMonitorTests : IDisposable
{
    private const int Trials = 4;
    private const int Epochs = 2;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-monitor-").FullName;

    private string Output => Path.Combine(folder, "out");

    private string Logs => Path.Combine(Output, "logs");

    [Fact]
    public async Task Monitor_of_a_sweep_just_run_shows_its_counts_best_trial_and_workers()
    {
        // given the quickstart cut to 4 trials of 2 epochs, run by the CLI on two CPU slots
        var quickstart = Path.Combine(CliBinary.RepoRoot, "sweeps", "quickstart.yaml");
        using (var run = NodeProcess.Start("run", ["run", quickstart, "--set", $"trials={Trials}", "--set", $"training.epochs={Epochs}",
            "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }
        var results = ResultsFile();

        // when monitor --json reads the fresh logs
        using var monitor = NodeProcess.Start("monitor", ["monitor", Logs, "--json"]);
        Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
        var snapshot = JsonDocument.Parse(monitor.Output).RootElement;

        // then the counts, the best trial and the workers are those of the run
        Assert.Equal(("quickstart", "finished"), (snapshot.GetProperty("sweep_id").GetString(), snapshot.GetProperty("state").GetString()));
        Assert.Equal([Trials, Trials, 0, 0, 0], new[] { "total", "done", "running", "queued", "failed" }.Select(n => snapshot.GetProperty(n).GetInt64()));
        var best = results.MinBy(r => r.ValLoss);
        var shown = snapshot.GetProperty("best");
        Assert.Equal(best.TrialId, shown.GetProperty("trial_id").GetString());
        Assert.Equal(best.ValLoss, shown.GetProperty("value").GetDouble(), 12);
        Assert.Equal(best.Worker, shown.GetProperty("worker").GetString());
        Assert.Equal(best.Lambda, shown.GetProperty("parameters").GetProperty("lambda").GetString());
        var workers = snapshot.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(results.Select(r => r.Worker).Distinct().Order(), workers.Select(w => w.GetProperty("worker").GetString()!).Order());
        Assert.All(workers, w => Assert.Equal("cpu", w.GetProperty("device").GetString()));
        Assert.All(workers, w => Assert.True(w.GetProperty("samples_per_second").GetDouble() > 0, w.ToString()));
        Assert.Equal(Trials, workers.Sum(w => w.GetProperty("trials_finished").GetInt32()));
    }

    [Fact]
    public async Task Monitor_code_sees_every_trial_of_a_sweep_just_run_from_start_to_result()
    {
        // given the same short sweep run by the CLI on one CPU slot
        var quickstart = Path.Combine(CliBinary.RepoRoot, "sweeps", "quickstart.yaml");
        using (var run = NodeProcess.Start("run", ["run", quickstart, "--set", $"trials={Trials}", "--set", $"training.epochs={Epochs}",
            "--devices", "cpu", "--out", Output]))
        {
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }
        var results = ResultsFile();

        // when SweepMonitor folds its log
        var monitor = new SweepMonitor();
        monitor.ApplyAll(new LogTail([Logs]).ReadNew(final: true));

        // then each trial went through training, its epochs and its result, as results.jsonl has it
        var trials = monitor.Trials().OrderBy(t => t.TrialId, StringComparer.Ordinal).ToList();
        Assert.Equal(results.Select(r => r.TrialId).Order(StringComparer.Ordinal), trials.Select(t => t.TrialId));
        Assert.All(trials, t => Assert.Equal((TrialPhase.Done, (TrialStatus?)TrialStatus.Completed, Epochs, Epochs), (t.Phase, t.Status, t.Epoch, t.Epochs)));
        Assert.All(trials, t => Assert.Equal(results.Single(r => r.TrialId == t.TrialId).Lambda, t.Parameters["lambda"]));
        Assert.All(trials, t => Assert.Equal(results.Single(r => r.TrialId == t.TrialId).ValLoss, t.Metrics["val_loss"], 12));
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

    private List<(string TrialId, string Worker, double ValLoss, string Lambda)> ResultsFile() =>
    [
        .. File.ReadAllLines(Path.Combine(Output, "results.jsonl")).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            var result = root.GetProperty("result");
            var lambda = root.GetProperty("swept_values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "lambda");
            return (result.GetProperty("trial_id").GetString()!, result.GetProperty("worker").GetString()!,
                result.GetProperty("metrics").GetProperty("val_loss").GetDouble(), lambda.GetProperty("text").GetString()!);
        }),
    ];
}
