using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A two-objective sweep end to end (issue 25): the CLI runs sweeps/loss-vs-inputs.yaml (val_loss and active_inputs, both
/// minimised, multi-objective TPE), and the leaderboard's <c>pareto_rank</c> 1, the report's front and its hypervolume must
/// all be what this test computes by brute force from results.jsonl.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ParetoSweepTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);
    private static readonly double[] Reference = [1.5, 25];
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-pareto-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task A_two_objective_sweep_ranks_its_non_dominated_trials_first_and_the_report_draws_that_front()
    {
        // given the example cut to 16 trials, run by the CLI on two CPU slots
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "loss-vs-inputs.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--set", "trials=16", "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
            Assert.Contains("Ranked by Pareto front of val_loss (minimize), active_inputs (minimize)", run.Output);
        }
        var points = Points();
        Assert.True(points.Count >= 12, $"{points.Count} ranked trials");
        var front = points.Where(p => !points.Values.Any(q => Dominates(q, p.Value))).Select(p => p.Key).Order().ToList();

        // then pareto_rank 1 in leaderboard.csv and leaderboard.json is exactly the non-dominated trials, listed first
        var csv = CsvRows(Path.Combine(Output, "leaderboard.csv"));
        Assert.Equal(front, csv.Where(r => r["pareto_rank"] == "1").Select(r => r["trial_id"]).Order());
        Assert.All(csv.Take(front.Count), r => Assert.Equal("1", r["pareto_rank"]));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "leaderboard.json")));
        var jsonFront = json.RootElement.EnumerateArray()
            .Where(t => t.TryGetProperty("pareto_rank", out var rank) && rank.ValueKind == JsonValueKind.Number && rank.GetInt32() == 1)
            .Select(t => t.GetProperty("trial_id").GetString()!).Order();
        Assert.Equal(front, jsonFront);

        // and the report's front is the same set, its hypervolume the staircase up to the file's reference point
        var report = Path.Combine(Output, "report.html");
        var html = File.ReadAllText(report);
        var figure = Regex.Match(html, "<figure id=\"pareto-front\" data-front-trials=\"([^\"]*)\" data-hypervolume=\"([^\"]*)\">");
        Assert.True(figure.Success, "no Pareto figure with its front in report.html");
        Assert.Equal(front, figure.Groups[1].Value.Split(' ').Order());
        Assert.Equal(Hypervolume(front.Select(id => points[id])), double.Parse(figure.Groups[2].Value, CultureInfo.InvariantCulture), 9);

        // and monitor --json, from the logs alone, gives the same front size and hypervolume
        using (var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]))
        {
            Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
            var pareto = JsonDocument.Parse(monitor.Output).RootElement.GetProperty("pareto");
            Assert.Equal(front.Count, pareto.GetProperty("front_size").GetInt32());
            Assert.Equal(points.Count, pareto.GetProperty("ranked").GetInt32());
            Assert.Equal(Hypervolume(front.Select(id => points[id])), pareto.GetProperty("hypervolume").GetDouble(), 6);
            Assert.Equal("sweep_file", pareto.GetProperty("reference_from").GetString());
        }

        // and where a headless Chromium is installed, the browser decodes the front's picture and shows its caption
        if (HeadlessChromium.Find() is { } browser)
        {
            var dom = HeadlessChromium.DumpDom(browser, report);
            Assert.Contains("data-rendered-ms=", dom);
            var rendered = Regex.Match(dom, "<figure id=\"pareto-front\"[^>]*>(.*?)</figure>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("data-decoded=\"yes\"", rendered);
            Assert.Contains($"{front.Count} trials on the Pareto front of val_loss (minimize), active_inputs (minimize). Hypervolume", rendered);
            Assert.Contains("(given in the sweep file)", rendered);
        }
    }

    /// <summary>Each ranked trial's (val_loss, active_inputs) from results.jsonl.</summary>
    private Dictionary<string, (double Loss, double Inputs)> Points() => File.ReadAllLines(Path.Combine(Output, "results.jsonl"))
        .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("result"))
        .Where(r => r.GetProperty("status").GetString() is "completed" or "stopped_early")
        .ToDictionary(r => r.GetProperty("trial_id").GetString()!,
            r => (r.GetProperty("metrics").GetProperty("val_loss").GetDouble(), (double)r.GetProperty("metrics").GetProperty("active_inputs").GetInt32()));

    private static bool Dominates((double Loss, double Inputs) a, (double Loss, double Inputs) b) =>
        a.Loss <= b.Loss && a.Inputs <= b.Inputs && (a.Loss < b.Loss || a.Inputs < b.Inputs);

    /// <summary>The area the front dominates below the reference point: a staircase by increasing loss.</summary>
    private static double Hypervolume(IEnumerable<(double Loss, double Inputs)> front)
    {
        var area = 0.0;
        var ceiling = Reference[1];
        foreach (var (loss, inputs) in front.Where(p => p.Loss < Reference[0] && p.Inputs < Reference[1]).OrderBy(p => p.Loss).ThenBy(p => p.Inputs))
        {
            if (inputs < ceiling)
            {
                area += (Reference[0] - loss) * (ceiling - inputs);
                ceiling = inputs;
            }
        }
        return area;
    }

    /// <summary>The rows of a CSV file with a header, quoted fields (with doubled quotes) allowed.</summary>
    private static List<Dictionary<string, string>> CsvRows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
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
