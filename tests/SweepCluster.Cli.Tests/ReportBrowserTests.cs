using SkiaSharp;
using SweepCluster.Cli.Tests.Support;

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
