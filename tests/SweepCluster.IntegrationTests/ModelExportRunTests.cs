using System.Globalization;
using System.Text.Json;
using SweepCluster.Training.Data;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// The model a sweep hands back, as a user gets it: <c>run</c> and a cluster sweep write best/ and models/, and
/// <c>predict</c> on best/ reproduces the leaderboard's val_accuracy on the validation split.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ModelExportRunTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(180);
    private const double ValidationFraction = 0.3;
    private const long SplitSeed = 1;

    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-models-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task Run_keeps_the_top_3_models_and_predict_on_best_gives_the_leaderboard_val_accuracy()
    {
        // given a CSV sweep of 5 trials with string labels, run with --keep-models 3
        var csv = Path.Combine(folder, "flowers.csv");
        File.Copy(Path.Combine(CliBinary.RepoRoot, "sweeps", "data", "flowers.csv"), csv);
        var sweep = Path.Combine(folder, "sweep.yaml");
        File.WriteAllText(sweep, $$"""
            name: model-export
            method: grid
            seed: 5
            metric: { name: val_loss, goal: minimize }
            data:
              csv: { path: flowers.csv, label: species, split_seed: {{SplitSeed}} }
              validation_fraction: {{ValidationFraction.ToString(CultureInfo.InvariantCulture)}}
            model: { widths: [16] }
            training: { epochs: 8, batch_size: 32, learning_rate: 5.0e-3, optimizer: adam, l1_mode: proximal }
            parameters:
              lambda: { values: [0.0, 1.0e-4, 1.0e-3, 1.0e-2, 3.0e-2] }
            """);
        using var run = NodeProcess.Start("run", ["run", sweep, "--devices", "cpu", "--out", Output, "--keep-models", "3"]);
        Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);

        // then models/ holds the leaderboard's top 3, best/ rank 1, and the summary says where the model is
        var ranked = Leaderboard();
        Assert.Equal(ranked.Take(3).Select(r => r.TrialId).Order(), Directory.GetDirectories(Path.Combine(Output, "models")).Select(Path.GetFileName).Order());
        var best = Path.Combine(Output, "best");
        using (var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(best, "model.json"))))
        {
            Assert.Equal(ranked[0].TrialId, card.RootElement.GetProperty("trial_id").GetString());
            Assert.Equal(["alba", "borealis", "caerulea"], card.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).Order());
        }
        Assert.Contains($"Model:       {best}", run.Output);

        // when predict runs on best/ over the validation split's rows (features and label, as the CSV holds them)
        var (validation, truth) = ValidationSplit(csv);
        var predictions = Path.Combine(folder, "predictions.csv");
        using var predict = NodeProcess.Start("predict", ["predict", best, validation, "--out", predictions]);
        Assert.True(await predict.WaitForExitAsync(RunTimeout) == 0, predict.Output);

        // then its labels are the CSV's strings and its accuracy is rank 1's val_accuracy
        var labels = File.ReadAllLines(predictions).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var accuracy = labels.Zip(truth).Count(p => p.First == p.Second) / (double)truth.Count;
        output.WriteLine($"predict accuracy on {truth.Count} validation rows: {accuracy}; leaderboard val_accuracy of {ranked[0].TrialId}: {ranked[0].ValAccuracy}");
        Assert.Equal(ranked[0].ValAccuracy, accuracy);
    }

    [Fact]
    public async Task A_cluster_sweep_with_a_remote_worker_writes_best_on_the_coordinator()
    {
        // given a coordinator that keeps 2 models and one worker in another process
        using var cluster = new TestCluster(output, trials: 4, epochs: 4);
        var coordinator = cluster.StartCoordinator("--keep-models", "2");
        cluster.StartWorker();

        // when the sweep runs
        Assert.Equal(0, await coordinator.WaitForExitAsync(RunTimeout));

        // then the coordinator's output folder holds the worker's models: the top 2, and rank 1 as best/
        using var leaderboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(cluster.OutputDirectory, "leaderboard.json")));
        var top = leaderboard.RootElement.EnumerateArray().Take(2).Select(r => r.GetProperty("trial_id").GetString()!).ToList();
        Assert.Equal(top.Order(), Directory.GetDirectories(Path.Combine(cluster.OutputDirectory, "models")).Select(Path.GetFileName).Order());
        var best = Path.Combine(cluster.OutputDirectory, "best");
        Assert.All(new[] { "model.onnx", "model.safetensors", "model.json" }, f => Assert.True(File.Exists(Path.Combine(best, f)), f));
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(best, "model.json")));
        Assert.Equal(top[0], card.RootElement.GetProperty("trial_id").GetString());
        Assert.Equal(12, card.RootElement.GetProperty("inputs").GetInt32());
        Assert.Contains($"Model:       {best}", coordinator.Output);
    }

    private List<(string TrialId, double ValAccuracy)> Leaderboard()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "leaderboard.json")));
        return [.. json.RootElement.EnumerateArray().Where(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number)
            .Select(r => (r.GetProperty("trial_id").GetString()!, r.GetProperty("val_accuracy").GetDouble()))];
    }

    /// <summary>The CSV lines of the validation split (the rows the leaderboard's val_accuracy was measured on) and their labels.</summary>
    private (string Path, List<string> Labels) ValidationSplit(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var rows = DatasetSplitter.ValidationRows(lines.Length - 1, ValidationFraction, SplitSeed);
        var path = Path.Combine(folder, "validation.csv");
        File.WriteAllLines(path, [lines[0], .. rows.Select(r => lines[r + 1])]);
        return (path, [.. rows.Select(r => lines[r + 1].Split(',')[^1])]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
