using System.Text.RegularExpressions;
using SkiaSharp;
using SweepCluster.Cli.Tests.Support;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Tests;

public class ReportBrowserTests
{
    [ChromiumFact]
    public void Report_loads_in_headless_chromium_without_console_errors_and_renders_content()
    {
        // Given a report rendered from the recorded results
        using var folder = new ScratchFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Invoke("leaderboard", folder.Path).ExitCode);
        var screenshot = folder.File("report.png");

        // When Chromium loads it and takes a screenshot
        var (_, _, log) = Chromium.Run(folder.File("report.html"), $"--screenshot={screenshot}", "--window-size=1280,2000");

        // Then no console message was logged (an error in the page's script would be), and the picture is not blank
        var console = log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        Assert.True(console.Count == 0, "console messages:\n" + string.Join('\n', console));
        Assert.True(File.Exists(screenshot), "no screenshot; chromium said:\n" + log);
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.Equal(1280, bitmap.Width);
        Assert.True(DistinctColours(bitmap) > 20, "the screenshot is (nearly) one colour");
    }

    [ChromiumFact]
    public void Report_script_runs_to_its_end_in_the_browser()
    {
        using var folder = new ScratchFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Invoke("leaderboard", folder.Path).ExitCode);

        var (_, dom, log) = Chromium.Run(folder.File("report.html"), "--dump-dom");

        // The sorting script marks the table when it has bound every header
        Assert.True(dom.Contains("data-sortable=\"ready\"", StringComparison.Ordinal), "script did not finish; chromium said:\n" + log);
    }

    [ChromiumFact]
    public void Rendered_report_has_both_analysis_views_and_the_filtered_table()
    {
        // Given the report of the recorded sweep (11 ranked trials of 14)
        using var folder = new ScratchFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Invoke("leaderboard", folder.Path).ExitCode);

        // When Chromium has run its script
        var (_, dom, log) = Chromium.Run(folder.File("report.html"), "--dump-dom");

        // Then the parallel coordinates (an axis per swept parameter and the metric, a line per ranked trial) and the
        // importance chart are in the page, and the table holds the top 100 of the ranked trials: all 11, in rank order
        Assert.True(dom.Contains("data-rendered-ms=", StringComparison.Ordinal), "script did not finish; chromium said:\n" + log);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pc\"", dom);
        Assert.Contains("data-axes=\"4\" data-lines=\"11\"", dom);
        Assert.Contains("class=\"importance\"", dom);
        var body = Regex.Match(dom, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(body, "<tr data-trial-id=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal("monitor-demo-11", rows[0]);
        Assert.Contains("showing 11 of 14 trials (11 ranked)", dom);
        // and the column picker offers every column
        Assert.All(new[] { "rank", "trial_id", "lambda", "val_loss", "reason" }, column => Assert.Contains($"<input type=\"checkbox\" data-column=\"{column}\">", dom));
    }

    [ChromiumFact]
    public void Live_report_runs_its_script_without_console_errors_and_offers_a_pause()
    {
        // Given the recorded results written as a live report (as while the sweep runs)
        using var folder = new ScratchFolder();
        var sweep = SweepFile.Load(folder.File("sweep.yaml"));
        var leaderboard = new Leaderboard(sweep.Metric);
        foreach (var entry in ResultsJournal.Read(folder.File("results.jsonl")))
        {
            leaderboard.TryAdd(entry);
        }
        var swept = sweep.Parameters.Select(p => p.Name).ToList();
        new ReportWriter(new SweepOutputPaths(folder.Path), sweep.Name, sweep.Metric, swept, sweep.Parameters).Write(leaderboard.Ranked(), live: true);

        // When Chromium loads it (and dumps the DOM before the 5 s reload)
        var (_, dom, log) = Chromium.Run(folder.File("report.html"), "--dump-dom");

        // Then the script ran to its end without a console message, and the page says it reloads, with a pause box
        var console = log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        Assert.True(console.Count == 0, "console messages:\n" + string.Join('\n', console));
        Assert.Contains("data-rendered-ms=", dom);
        Assert.Contains($"data-refresh-seconds=\"{ReportWriter.RefreshSeconds}\"", dom);
        Assert.Contains("id=\"live-pause\"", dom);
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }
        return colours.Count;
    }
}
