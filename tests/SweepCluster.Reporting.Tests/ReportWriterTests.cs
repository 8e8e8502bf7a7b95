using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SweepCluster.Reporting.Tests;

public partial class ReportWriterTests
{
    [GeneratedRegex("<script type=\"application/json\" id=\"leaderboard-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TableData();

    [GeneratedRegex("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"importance\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex ImportanceSvg();

    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Report_shows_both_analysis_views_with_the_deciding_parameter_first()
    {
        // Given 30 ranked trials whose loss learning_rate decides
        var rows = SweepRows.Ranked(30);

        // When rendered
        var html = SweepRows.Writer().Render(rows, At);

        // Then the parallel coordinates and the importance chart are there, learning_rate's bar first
        Assert.Contains("<figure id=\"parallel-coordinates\">", html);
        Assert.Contains("class=\"pc\"", html);
        Assert.Contains("<figure id=\"parameter-importance\">", html);
        Assert.Contains("fANOVA", html);
        var bars = XElement.Parse(ImportanceSvg().Match(html).Value).Descendants().Where(e => (string?)e.Attribute("class") == "importance-bar").ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal("learning_rate", (string?)bars[0].Attribute("data-parameter"));
        Assert.Equal(1.0, bars.Sum(b => double.Parse((string)b.Attribute("data-importance")!, System.Globalization.CultureInfo.InvariantCulture)), 9);
    }

    [Fact]
    public void The_report_links_best_once_the_sweep_kept_a_model_there()
    {
        // given an output folder without best/, then with it
        var folder = Directory.CreateTempSubdirectory("sweepcluster-report-").FullName;
        try
        {
            var before = SweepRows.Writer(folder).Render(SweepRows.Ranked(3), At);
            Directory.CreateDirectory(Path.Combine(folder, "best"));
            File.WriteAllText(Path.Combine(folder, "best", "model.json"), "{}");
            var after = SweepRows.Writer(folder).Render(SweepRows.Ranked(3), At);

            // then only the second report links the folder and its files
            Assert.DoesNotContain("id=\"best-model\"", before);
            Assert.Contains("<a href=\"best/\">best/</a>", after);
            Assert.Contains("<a href=\"best/model.onnx\">model.onnx</a>", after);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Too_few_ranked_trials_give_a_note_instead_of_importances()
    {
        var html = SweepRows.Writer().Render(SweepRows.Ranked(5), At);

        Assert.Contains("Needs at least 8 ranked trials", html);
        Assert.DoesNotContain("class=\"importance\"", html);
        Assert.Contains("class=\"pc\"", html);
    }

    [Fact]
    public void Table_rows_are_embedded_once_as_json_in_rank_order_with_a_filter_and_a_column_picker()
    {
        // Given 12 ranked and 2 failed trials
        var rows = SweepRows.Ranked(12, failed: 2);

        var html = SweepRows.Writer().Render(rows, At);

        // Then the table's data holds every row as the leaderboards print it, ranked ones first
        using var data = JsonDocument.Parse(TableData().Match(html).Groups[1].Value);
        var root = data.RootElement;
        Assert.Equal(12, root.GetProperty("ranked").GetInt32());
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["rank", "trial_id", "learning_rate", "lambda", "dropout", "widths", "status"], columns.Take(7));
        var ids = root.GetProperty("rows").EnumerateArray().Select(r => r[1].GetString()).ToList();
        Assert.Equal(rows.Select(r => r.Entry.TrialId), ids);
        // and the page has the top-k / top-% / all filter (top 100 by default) and the column picker, but no row HTML
        Assert.Contains("<option value=\"top\">", html);
        Assert.Contains("<option value=\"percent\">", html);
        Assert.Contains("<option value=\"all\">", html);
        Assert.Contains("id=\"lb-count\" type=\"number\" min=\"1\" step=\"1\" value=\"100\"", html);
        Assert.Contains("id=\"lb-columns\"", html);
        Assert.Contains("<tbody></tbody>", html);
    }

    [Fact]
    public void Cell_text_cannot_end_the_embedded_script()
    {
        var rows = SweepRows.Ranked(3, failed: 1, reason: "bad </script><script>alert(1)</script> & more");

        var html = SweepRows.Writer().Render(rows, At);

        var json = TableData().Match(html).Groups[1].Value;
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        using var data = JsonDocument.Parse(json);
        Assert.Contains(data.RootElement.GetProperty("rows").EnumerateArray(), r => r[r.GetArrayLength() - 1].GetString() == "bad </script><script>alert(1)</script> & more");
    }

    [Fact]
    public void Live_report_reloads_itself_and_the_final_one_does_not()
    {
        var rows = SweepRows.Ranked(10);

        var live = SweepRows.Writer().Render(rows, At, live: true);
        var final = SweepRows.Writer().Render(rows, At, live: false);

        Assert.Contains($"<html lang=\"en\" data-refresh-seconds=\"{ReportWriter.RefreshSeconds}\">", live);
        Assert.Contains($"<noscript><meta http-equiv=\"refresh\" content=\"{ReportWriter.RefreshSeconds}\"></noscript>", live);
        Assert.Contains("id=\"live-pause\"", live);
        Assert.DoesNotContain("data-refresh-seconds=", final);
        Assert.DoesNotContain("http-equiv=\"refresh\"", final);
        Assert.DoesNotContain("id=\"live-pause\"", final);
    }

    [Fact]
    public void Written_report_is_self_contained()
    {
        var folder = Directory.CreateTempSubdirectory("sweepcluster-report-").FullName;
        try
        {
            SweepRows.Writer(folder).Write(SweepRows.Ranked(20), live: false);

            var html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.DoesNotContain("<link", html);
            Assert.DoesNotContain("@import", html);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Report_of_ten_thousand_trials_stays_under_five_megabytes()
    {
        // Given 10 000 ranked trials (the plots thin to 1500 points, the parallel coordinates to 2000 lines)
        var rows = SweepRows.Ranked(10_000);

        // When rendered
        var html = SweepRows.Writer().Render(rows, At);

        // Then the page is under 5 MB, and its table data still has every row
        var bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        Assert.True(bytes < 5_000_000, $"{bytes} bytes");
        using var data = JsonDocument.Parse(TableData().Match(html).Groups[1].Value);
        Assert.Equal(10_000, data.RootElement.GetProperty("rows").GetArrayLength());
    }
}
