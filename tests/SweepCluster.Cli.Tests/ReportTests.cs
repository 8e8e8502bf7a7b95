using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SweepCluster.Cli.Tests.Support;

namespace SweepCluster.Cli.Tests;

public partial class ReportTests
{
    [GeneratedRegex("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex EmbeddedSvg();

    [GeneratedRegex("<script type=\"application/json\" id=\"leaderboard-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TableData();

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

        // The table's data has leaderboard.json's trials in the same order
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("leaderboard.json")));
        var expected = json.RootElement.EnumerateArray().Select(row => row.GetProperty("trial_id").GetString()!).ToList();
        using var table = JsonDocument.Parse(TableData().Match(html).Groups[1].Value);
        var actual = table.RootElement.GetProperty("rows").EnumerateArray().Select(row => row[1].GetString()!).ToList();
        Assert.Equal(14, expected.Count);
        Assert.Equal(expected, actual);

        // Self-contained: nothing is fetched
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html);

        // Re-rendered after the fact, it is a final report: no reloading
        Assert.DoesNotContain("data-refresh-seconds=\"", html);
    }

    [Fact]
    public void Leaderboard_verb_with_importance_prints_the_ranked_importances_and_the_method()
    {
        // Given the recorded output of 11 ranked trials over lambda, widths and learning_rate
        using var folder = new ScratchFolder();

        // When re-rendered with --importance
        var (exitCode, output, error) = CliRunner.Invoke("leaderboard", folder.Path, "--top", "0", "--importance");

        // Then every swept parameter is printed with its share, most important first, the shares summing to 1
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("Parameter importance for val_loss (fANOVA (main effects) over a random forest of 64 regression trees, fitted on 11 ranked trials", output);
        var lines = output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("parameter ", StringComparison.Ordinal));
        Assert.True(header > 0, output);
        var rows = lines.Skip(header + 1).Take(3).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["lambda", "learning_rate", "widths"], rows.Select(r => r[0]).Order());
        var shares = rows.Select(r => double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.Equal(1.0, shares.Sum(), 3);
        // learning_rate is 5e-02 in every ranked trial (the 1e+04 ones diverged): it cannot matter
        Assert.Equal(0, shares[rows.FindIndex(r => r[0] == "learning_rate")]);
    }

    [Fact]
    public void Leaderboard_verb_without_importance_prints_none()
    {
        using var folder = new ScratchFolder();

        var (_, output, _) = CliRunner.Invoke("leaderboard", folder.Path);

        Assert.DoesNotContain("importance", output, StringComparison.OrdinalIgnoreCase);
    }
}
