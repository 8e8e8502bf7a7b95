using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SweepCluster.Cli.Tests.Support;

namespace SweepCluster.Cli.Tests;

public partial class ReportTests
{
    [GeneratedRegex("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex EmbeddedSvg();

    [GeneratedRegex("<tr data-trial-id=\"([^\"]+)\">")]
    private static partial Regex TableRow();

    [Fact]
    public void Leaderboard_verb_rerenders_the_files_and_prints_the_top()
    {
        // Given a sweep output folder with only sweep.yaml and results.jsonl
        using var folder = new ScratchFolder();

        // When re-rendered
        var (exitCode, output, error) = CliRunner.Invoke("leaderboard", folder.Path, "--top", "3");

        // Then every output file is back, and the top 3 are printed in rank order
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        foreach (var name in new[] { "leaderboard.csv", "leaderboard.md", "leaderboard.json", "report.html" })
        {
            Assert.True(File.Exists(folder.File(name)), name);
        }
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("1     monitor-demo-11", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3     monitor-demo-5", StringComparison.Ordinal));
        Assert.DoesNotContain("monitor-demo-2 ", output);
    }

    [Fact]
    public void Report_embeds_its_plots_and_its_table_follows_leaderboard_json()
    {
        using var folder = new ScratchFolder();
        Assert.Equal(ExitCodes.Success, CliRunner.Invoke("leaderboard", folder.Path).ExitCode);
        var html = File.ReadAllText(folder.File("report.html"));

        // Four plots (loss and sparsity against lambda, Pareto front, learning curves), each a real SVG
        var plots = EmbeddedSvg().Matches(html).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))).ToList();
        Assert.Equal(4, plots.Count);
        Assert.All(plots, svg =>
        {
            Assert.Contains("<svg", svg);
            Assert.True(svg.Length > 5_000, $"plot of {svg.Length} characters");
        });

        // The table has leaderboard.json's trials in the same order
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("leaderboard.json")));
        var expected = json.RootElement.EnumerateArray().Select(row => row.GetProperty("trial_id").GetString()!).ToList();
        var actual = TableRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(14, expected.Count);
        Assert.Equal(expected, actual);

        // Self-contained: nothing is fetched
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html);
    }
}
