using System.Text.Json;

namespace SweepCluster.IntegrationTests;

/// <summary>The regression example (Friedman's function, a group-L1 lambda path with a refit), run by the CLI as a user runs it, and read back.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RegressionRunTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(300);
    private static readonly string[] Informative = ["x0", "x1", "x2", "x3", "x4"];
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-regression-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task Regression_example_keeps_exactly_the_informative_inputs_in_its_sparse_trials()
    {
        // given the example: 10 uniform inputs, x0..x4 informative, lambda from 0 to 1
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "regression.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            // when it runs
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }

        // then the leaderboard has the regression metrics, ranked by val_r2, and no accuracy
        using var board = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "leaderboard.json")));
        var rows = board.RootElement.EnumerateArray().ToList();
        Assert.All(rows, row => Assert.False(row.TryGetProperty("val_accuracy", out _)));
        var r2 = rows.Select(row => row.GetProperty("val_r2").GetDouble()).ToList();
        Assert.Equal(r2.OrderDescending(), r2);
        var path = rows
            .Select(row => (Lambda: row.GetProperty("lambda").GetDouble(), R2: row.GetProperty("val_r2").GetDouble(),
                Names: row.GetProperty("active_input_names").EnumerateArray().Select(n => n.GetString()!).ToList()))
            .OrderBy(p => p.Lambda)
            .ToList();

        // and lambda 0 keeps all 10 inputs, the sparse trials that still fit (under 10 inputs, within 0.01 of the best R²)
        // keep exactly x0..x4 or a superset of them, and the sparsest of those keeps exactly x0..x4
        Assert.Equal(10, path[0].Names.Count);
        var sparseFits = path.Where(p => p.Names.Count < 10 && p.R2 >= r2[0] - 0.01).ToList();
        Assert.NotEmpty(sparseFits);
        Assert.All(sparseFits, p => Assert.Subset(p.Names.ToHashSet(), Informative.ToHashSet()));
        Assert.Equal(Informative, sparseFits.MinBy(p => p.Names.Count).Names);
        Assert.Equal(Informative, path.Single(p => p.Lambda == 0.4).Names);
        Assert.True(r2[0] > 0.94, $"best val_r2 {r2[0]}");

        // and monitor follows the sweep by val_r2, maximised
        using var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]);
        Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
        var snapshot = JsonDocument.Parse(monitor.Output).RootElement;
        var best = snapshot.GetProperty("best");
        Assert.Equal(rows[0].GetProperty("trial_id").GetString(), best.GetProperty("trial_id").GetString());
        Assert.Equal(r2[0], best.GetProperty("value").GetDouble(), 9);
        Assert.Equal("val_r2", best.GetProperty("metric").GetString());
        Assert.Equal("maximize", snapshot.GetProperty("metric").GetProperty("goal").GetString());
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
