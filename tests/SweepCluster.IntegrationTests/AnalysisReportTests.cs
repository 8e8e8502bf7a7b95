using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// The analysis views end to end: the CLI runs the 30-trial random example over learning rate, lambda, dropout and widths
/// (the learning rate spans four decades and decides the loss), and the report, <c>leaderboard --importance</c> and
/// <c>monitor --json</c> must all rank the learning rate first.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AnalysisReportTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-analysis-").FullName;

    private string Output => Path.Combine(folder, "out");

    [Fact]
    public async Task Random_sweep_report_shows_both_views_and_every_importance_ranks_the_learning_rate_first()
    {
        // given the analysis example run by the CLI on two CPU slots
        var file = Path.Combine(CliBinary.RepoRoot, "sweeps", "analysis-random.yaml");
        using (var run = NodeProcess.Start("run", ["run", file, "--devices", "cpu", "--slots-per-device", "2", "--out", Output]))
        {
            Assert.True(await run.WaitForExitAsync(RunTimeout) == 0, run.Output);
        }

        // then its final report has the parallel coordinates (5 axes, a line per ranked trial) and the importance, learning_rate's bar first
        var report = Path.Combine(Output, "report.html");
        var html = File.ReadAllText(report);
        var ranked = File.ReadAllLines(Path.Combine(Output, "results.jsonl"))
            .Count(line => JsonDocument.Parse(line).RootElement.GetProperty("result").GetProperty("status").GetString() is "completed" or "stopped_early");
        Assert.True(ranked >= 25, $"{ranked} ranked trials");
        Assert.Contains($"data-axes=\"5\" data-lines=\"{ranked}\"", html);
        Assert.Equal("learning_rate", Regex.Match(html, "class=\"importance-bar\" data-parameter=\"([^\"]+)\"").Groups[1].Value);
        Assert.DoesNotContain("data-refresh-seconds=\"", html);

        // and leaderboard --importance prints learning_rate first, with most of the variance
        using (var leaderboard = NodeProcess.Start("leaderboard", ["leaderboard", Output, "--importance", "--top", "0"]))
        {
            Assert.True(await leaderboard.WaitForExitAsync(RunTimeout) == 0, leaderboard.Output);
            var lines = leaderboard.Output.Split('\n');
            var header = Array.FindIndex(lines, l => l.StartsWith("parameter ", StringComparison.Ordinal));
            Assert.True(header > 0, leaderboard.Output);
            var first = lines[header + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("learning_rate", first[0]);
            Assert.True(double.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture) > 0.5, leaderboard.Output);
        }

        // and so does monitor --json, from the logs alone
        using (var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]))
        {
            Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
            var importance = JsonDocument.Parse(monitor.Output).RootElement.GetProperty("importance");
            Assert.Equal(4, importance.GetArrayLength());
            Assert.Equal("learning_rate", importance[0].GetProperty("parameter").GetString());
        }

        // and where a headless Chromium is installed, the rendered page has both views and the table's rows
        if (HeadlessChromium.Find() is { } browser)
        {
            var dom = HeadlessChromium.DumpDom(browser, report);
            Assert.Contains("data-rendered-ms=", dom);
            Assert.Contains("<figure id=\"parallel-coordinates\">", dom);
            Assert.Contains("class=\"importance\"", dom);
            // The leaderboard's own body: the browser gives every other table of the page (input survival) a tbody too.
            var body = Regex.Match(dom, "id=\"leaderboard\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Equal(ranked, Regex.Matches(body, "<tr data-trial-id=").Count);
        }
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
