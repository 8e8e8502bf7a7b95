using System.Globalization;
using System.Net;
using System.Text;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Reporting;

/// <summary>
/// Writes <c>report.html</c>: a self-contained page (inline CSS and JS, plots embedded as SVG data URIs, nothing
/// fetched) with the leaderboard table, sortable by clicking a header, and the sweep's plots. Replaced atomically.
/// </summary>
public sealed class ReportWriter(SweepOutputPaths paths, string sweepName, MetricSpec metric, IReadOnlyList<string> sweptParameters)
{
    /// <summary>Points per scatter plot: beyond a few thousand markers an SVG gets slow to write and to draw, and no clearer.</summary>
    public const int MaxPlottedPoints = 1500;
    private const int BestAlwaysPlotted = 100;
    private readonly LeaderboardColumns columns = new(sweptParameters);

    public SweepOutputPaths Paths { get; } = paths;

    /// <summary>
    /// Renders a throw-away one-trial report so that the one-off start-up of the plotting library and of this code
    /// (native library, fonts, JIT: about 150 ms) is paid off the caller's path, e.g. on a pool thread while a
    /// sweep's first results arrive.
    /// </summary>
    public static void WarmUp()
    {
        try
        {
            var metrics = new TrialMetrics(0.5, 0.5, 0.5, 1, 0.5, 0, [], 1, 1, 1, 1, 0, 0);
            var result = new TrialResult("warm-up-0", TrialStatus.Completed, null, metrics, [new EpochRecord(1, 0.5, 0.5, 0.5)]);
            var entry = new LeaderboardEntry(0, [new SweptValue("lambda", "1e-3"), new SweptValue("widths", "[1]")], result);
            new ReportWriter(new SweepOutputPaths(""), "warm-up", MetricSpec.Default, ["lambda", "widths"]).Render([new RankedEntry(1, entry)], DateTimeOffset.UnixEpoch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A real write reports the problem; warming up is best effort.
        }
    }

    public void Write(IReadOnlyList<RankedEntry> rows)
    {
        Directory.CreateDirectory(Paths.Directory);
        // Streamed to the file: at 10^5 trials the page is tens of MB, which a string would hold twice over.
        AtomicFile.Write(Paths.Report, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            RenderTo(writer, rows, DateTimeOffset.UtcNow);
        });
    }

    public string Render(IReadOnlyList<RankedEntry> rows, DateTimeOffset at)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        RenderTo(text, rows, at);
        return text.ToString();
    }

    private void RenderTo(TextWriter html, IReadOnlyList<RankedEntry> rows, DateTimeOffset at)
    {
        var points = Points(rows);
        var plotted = Thin(points);
        html.Write(ReportHtml.Head(sweepName));
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<h1>Sweep {Encode(sweepName)}</h1>\n<p class=\"meta\">{rows.Count} trials recorded, {points.Count} completed; ranked by {Encode(metric.Name)} ({metric.Goal.ToString().ToLowerInvariant()}); written {at:yyyy-MM-dd HH:mm:ss} UTC</p>\n"));
        if (plotted.Count < points.Count)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<p class=\"meta\">The plots show {plotted.Count} of the {points.Count} completed trials: the best {BestAlwaysPlotted}, the Pareto front and an even sample of the rest.</p>\n"));
        }
        AppendPlots(html, rows, plotted);
        InputSurvival.Write(html, rows);
        AppendTable(html, rows);
        html.Write(ReportHtml.Tail);
    }

    private void AppendPlots(TextWriter html, IReadOnlyList<RankedEntry> rows, IReadOnlyList<ReportPoint> points)
    {
        html.Write("<section class=\"plots\">\n");
        if (points.Count == 0)
        {
            html.Write("<p>No completed trials yet.</p>\n");
        }
        else
        {
            if (points.Any(p => p.Lambda is > 0))
            {
                AppendPlot(html, "val-loss-vs-lambda", ReportPlots.MetricAgainstLambda(points));
                AppendPlot(html, "sparsity-vs-lambda", ReportPlots.SparsityAgainstLambda(points));
            }
            AppendPlot(html, "pareto-front", ReportPlots.Pareto(points));
            AppendPlot(html, "learning-curves", ReportPlots.LearningCurves(rows));
        }
        html.Write("</section>\n");
    }

    private static void AppendPlot(TextWriter html, string id, string svg)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        html.Write(string.Create(CultureInfo.InvariantCulture,
            $"<figure id=\"{id}\"><img alt=\"{id}\" width=\"{ReportPlots.Width}\" height=\"{ReportPlots.Height}\" src=\"data:image/svg+xml;base64,{data}\"></figure>\n"));
    }

    private void AppendTable(TextWriter html, IReadOnlyList<RankedEntry> rows)
    {
        html.Write("<h2>Leaderboard</h2>\n<p class=\"meta\">Click a column header to sort.</p>\n<table class=\"board\" id=\"leaderboard\">\n<thead><tr>");
        foreach (var name in columns.Names)
        {
            html.Write("<th>");
            html.Write(Encode(name));
            html.Write("</th>");
        }
        html.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Write("<tr data-trial-id=\"");
            html.Write(Encode(row.Entry.TrialId));
            html.Write("\">");
            foreach (var cell in columns.Cells(row))
            {
                html.Write("<td>");
                html.Write(Encode(cell));
                html.Write("</td>");
            }
            html.Write("</tr>\n");
        }
        html.Write("</tbody>\n</table>\n");
    }

    private static List<ReportPoint> Points(IReadOnlyList<RankedEntry> rows) => rows
        .Where(r => r.Rank is not null && r.Entry.Result.Metrics is { } m && double.IsFinite(m.ValLoss) && double.IsFinite(m.Sparsity))
        .Select(r => new ReportPoint(r.Entry.TrialId, Lambda(r.Entry), r.Entry.SweptText("widths"),
            r.Entry.Result.Metrics!.ValLoss, r.Entry.Result.Metrics.Sparsity))
        .ToList();

    /// <summary>All points when few; else the best ones (points come in rank order), the Pareto front, and every k-th of the rest.</summary>
    private static List<ReportPoint> Thin(List<ReportPoint> points)
    {
        if (points.Count <= MaxPlottedPoints)
        {
            return points;
        }
        var keep = new HashSet<string>(points.Take(BestAlwaysPlotted).Select(p => p.TrialId), StringComparer.Ordinal);
        keep.UnionWith(ReportPlots.Front(points).Select(p => p.TrialId));
        var rest = points.Where(p => !keep.Contains(p.TrialId)).ToList();
        var room = Math.Max(0, MaxPlottedPoints - keep.Count);
        var stride = Math.Max(1, (rest.Count + room - 1) / Math.Max(1, room));
        keep.UnionWith(rest.Where((_, i) => i % stride == 0).Take(room).Select(p => p.TrialId));
        return points.Where(p => keep.Contains(p.TrialId)).ToList();
    }

    private static double? Lambda(LeaderboardEntry entry) =>
        double.TryParse(entry.SweptText("lambda"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lambda) ? lambda : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
