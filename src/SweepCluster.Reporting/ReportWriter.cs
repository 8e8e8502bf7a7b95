using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SweepCluster.Core.Analysis;
using SweepCluster.Core.Pareto;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Reporting;

/// <summary>
/// Writes <c>report.html</c>: a self-contained page (inline CSS and JS, plots embedded as SVG, nothing fetched) with the
/// parallel-coordinates view, the parameter importance, the sweep's plots and the leaderboard table (rows embedded once as
/// JSON and rendered by the page's script: top-k / top-% filter, column picker, sortable). Replaced atomically. A live
/// report (written while the sweep runs) reloads itself every <see cref="RefreshSeconds"/> s; the final one does not.
/// <paramref name="parameterSpecs"/>, the sweep file's parameters, say which axes are log or categorical; without them
/// the scales are inferred from the values (<see cref="ParameterScaling"/>).
/// </summary>
public sealed class ReportWriter(
    SweepOutputPaths paths,
    string sweepName,
    MetricSpec metric,
    IReadOnlyList<string> sweptParameters,
    IReadOnlyList<ParameterSpec>? parameterSpecs = null,
    IReadOnlyList<MetricSpec>? objectives = null,
    IReadOnlyList<double>? reference = null)
{
    /// <summary>Points per scatter plot: beyond a few thousand markers an SVG gets slow to write and to draw, and no clearer.</summary>
    public const int MaxPlottedPoints = 1500;

    /// <summary>How often a live report reloads itself (the files are rewritten at most once a second).</summary>
    public const int RefreshSeconds = 5;

    private const int BestAlwaysPlotted = 100;
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Default;
    private readonly LeaderboardColumns columns = new(sweptParameters, metric.Task);

    // The sweep's objectives: the ranking metric alone, or two or three for a Pareto front.
    private readonly IReadOnlyList<MetricSpec> objectives = objectives is { Count: > 0 } ? objectives : [metric];

    // What val_loss is in this sweep: cross-entropy, or a regression's MSE in the target's units.
    private readonly string lossLabel = ReportPlots.LossLabel(metric.Task);

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

    /// <param name="rows">Every recorded trial in rank order.</param>
    /// <param name="live">True while the sweep runs: the page then reloads itself; false for the final report.</param>
    public void Write(IReadOnlyList<RankedEntry> rows, bool live)
    {
        Directory.CreateDirectory(Paths.Directory);
        // Streamed to the file: at 10^5 trials the page is megabytes, which a string would hold twice over.
        AtomicFile.Write(Paths.Report, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            RenderTo(writer, rows, DateTimeOffset.UtcNow, live);
        });
    }

    public string Render(IReadOnlyList<RankedEntry> rows, DateTimeOffset at, bool live = false)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        RenderTo(text, rows, at, live);
        return text.ToString();
    }

    private void RenderTo(TextWriter html, IReadOnlyList<RankedEntry> rows, DateTimeOffset at, bool live)
    {
        var points = Points(rows);
        var plotted = Thin(points);
        var trials = AnalysisTrial.FromLeaderboard(rows, metric);
        var parameters = ParameterScaling.Resolve(sweptParameters, parameterSpecs, trials);
        html.Write(ReportHtml.Head(sweepName, live ? RefreshSeconds : 0));
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<h1>Sweep {Encode(sweepName)}</h1>\n<p class=\"meta\">{rows.Count} trials recorded, {points.Count} completed; ranked by {Encode(ObjectivesText.Of(objectives))}; written {at:yyyy-MM-dd HH:mm:ss} UTC</p>\n"));
        if (live)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture,
                $"<p class=\"meta live\" id=\"live-note\">Live: the sweep is running, and this page reloads every {RefreshSeconds} s (keeping its place and table settings). <label><input type=\"checkbox\" id=\"live-pause\"> pause</label></p>\n"));
        }
        AppendModelLink(html);
        if (plotted.Count < points.Count)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<p class=\"meta\">The plots show {plotted.Count} of the {points.Count} completed trials: the best {BestAlwaysPlotted}, the Pareto front and an even sample of the rest.</p>\n"));
        }
        AppendAnalysis(html, parameters, trials);
        AppendPlots(html, rows, plotted);
        InputSurvival.Write(html, rows);
        AppendTable(html, rows);
        html.Write(ReportHtml.Tail);
    }

    /// <summary>Links best/ (rank 1's model.onnx, model.safetensors and model.json) once the sweep has kept a model there.</summary>
    private void AppendModelLink(TextWriter html)
    {
        if (!File.Exists(Path.Combine(Paths.Directory, "best", "model.json")))
        {
            return;
        }
        html.Write("<p class=\"meta\" id=\"best-model\">Best model: <a href=\"best/\">best/</a> "
            + "(<a href=\"best/model.onnx\">model.onnx</a>, <a href=\"best/model.safetensors\">model.safetensors</a>, <a href=\"best/model.json\">model.json</a>); "
            + "<code>sweepcluster predict best/ DATA.csv</code> runs it.</p>\n");
    }

    private void AppendAnalysis(TextWriter html, IReadOnlyList<AnalysisParameter> parameters, IReadOnlyList<AnalysisTrial> trials)
    {
        html.Write("<section class=\"analysis\">\n<figure id=\"parallel-coordinates\">\n");
        if (trials.Count == 0 || parameters.Count == 0)
        {
            var why = parameters.Count == 0 ? "The sweep has no swept parameters." : "No ranked trials yet.";
            html.Write($"<figcaption><b>Parallel coordinates</b></figcaption>\n<p>{why}</p>\n");
        }
        else
        {
            var (svg, drawn) = ParallelCoordinates.Render(parameters, trials, metric);
            var sample = drawn < trials.Count
                ? string.Create(CultureInfo.InvariantCulture, $" It draws {drawn} of the {trials.Count} ranked trials: the best {ParallelCoordinates.BestAlwaysDrawn} and an even sample of the rest.")
                : "";
            html.Write(string.Create(CultureInfo.InvariantCulture,
                $"<figcaption><b>Parallel coordinates</b>: one line per ranked trial through its value of each swept parameter and its {Encode(metric.Name)}, coloured by {Encode(metric.Name)} (darkest is best, drawn on top). Log axes for log domains; categories in the sweep file's order.{sample} Drag along an axis to keep the lines in that range; click the axis to clear it. <span id=\"pc-shown\"></span></figcaption>\n"));
            html.Write(svg);
        }
        html.Write("</figure>\n<figure id=\"parameter-importance\">\n");
        var importance = ImportanceEvaluator.Evaluate(parameters, trials);
        if (importance is null)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture,
                $"<figcaption><b>Parameter importance</b></figcaption>\n<p>Needs at least {ImportanceSettings.Default.MinimumTrials} ranked trials with different results ({trials.Count} so far).</p>\n"));
        }
        else
        {
            var used = importance.TrialsUsed < importance.Trials
                ? string.Create(CultureInfo.InvariantCulture, $"an even sample of {importance.TrialsUsed} of the {importance.Trials} ranked trials")
                : string.Create(CultureInfo.InvariantCulture, $"the {importance.Trials} ranked trials");
            html.Write(string.Create(CultureInfo.InvariantCulture,
                $"<figcaption><b>Parameter importance</b>: the share of the variance of {Encode(metric.Name)} each parameter explains on its own, by {Encode(importance.Method)}, fitted on {used} (log domains in log10, categories as category splits). The shares sum to 100 %.</figcaption>\n"));
            html.Write(ImportanceChart.Render(importance));
        }
        html.Write("</figure>\n</section>\n");
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
                AppendPlot(html, "val-loss-vs-lambda", ReportPlots.MetricAgainstLambda(points, lossLabel));
                AppendPlot(html, "sparsity-vs-lambda", ReportPlots.SparsityAgainstLambda(points));
            }
            AppendParetoPlot(html, rows, points);
            AppendPlot(html, "learning-curves", ReportPlots.LearningCurves(rows, lossLabel));
        }
        html.Write("</section>\n");
    }

    /// <summary>
    /// One objective: validation loss against sparsity, the trade-off every L1 sweep has. Two or three: the sweep's own
    /// objectives with the front, its labels and the hypervolume in the caption.
    /// </summary>
    private void AppendParetoPlot(TextWriter html, IReadOnlyList<RankedEntry> rows, IReadOnlyList<ReportPoint> points)
    {
        if (objectives.Count == 1)
        {
            AppendPlot(html, "pareto-front", ReportPlots.Pareto(points, lossLabel));
            return;
        }
        var objectivePoints = ObjectivePoints(rows);
        if (objectivePoints.Count == 0)
        {
            return;
        }
        var (svg, summary) = ParetoFrontPlot.Render(objectivePoints, objectives, reference, lossLabel);
        var front = summary is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $" data-front-trials=\"{Encode(string.Join(' ', summary.Members.Select(i => objectivePoints[i].TrialId)))}\" data-hypervolume=\"{summary.Hypervolume:R}\"");
        AppendPlot(html, "pareto-front", svg, summary is null ? null : ParetoFrontPlot.Caption(summary, objectives), front);
    }

    /// <summary>
    /// The ranked rows with a finite value of every objective, in rank order and in the objectives' own units: the points the
    /// leaderboard's Pareto ranking uses (a configuration's are its repeats' exact means), so that both show the same front.
    /// </summary>
    private List<ObjectivePoint> ObjectivePoints(IReadOnlyList<RankedEntry> rows)
    {
        var ranking = new ParetoRanking(objectives);
        var goals = objectives.Select(o => o.Goal).ToList();
        var points = new List<ObjectivePoint>();
        foreach (var row in rows.Where(r => r.Rank is not null))
        {
            if (ranking.PointOf(row) is { } minimised)
            {
                points.Add(new ObjectivePoint(row.Entry.TrialId, ObjectiveOrientation.Natural(minimised, goals)));
            }
        }
        return points;
    }

    /// <param name="attributes">More attributes of the figure, with a leading space (what a test or a script reads).</param>
    private static void AppendPlot(TextWriter html, string id, string svg, string? caption = null, string attributes = "")
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        html.Write(string.Create(CultureInfo.InvariantCulture,
            $"<figure id=\"{id}\"{attributes}><img alt=\"{id}\" width=\"{ReportPlots.Width}\" height=\"{ReportPlots.Height}\" src=\"data:image/svg+xml;base64,{data}\">{(caption is null ? "" : $"<figcaption>{Encode(caption)}</figcaption>")}</figure>\n"));
    }

    /// <summary>
    /// The table's controls and an empty table that the page's script fills from the rows, embedded once as compact JSON
    /// (<c>{"columns": [...], "ranked": n, "rows": [[cell, …], …]}</c>, cells as the leaderboards print them): the HTML of
    /// every row of a 10⁵-trial sweep would be tens of megabytes, and a browser would lay all of it out. The script puts
    /// the selected rows (the top 100 by default) in the DOM, a page of at most 500 at a time.
    /// </summary>
    private void AppendTable(TextWriter html, IReadOnlyList<RankedEntry> rows)
    {
        var ranked = rows.Count(r => r.Rank is not null);
        html.Write("""
            <h2>Leaderboard</h2>
            <div class="table-controls" id="leaderboard-controls">
            <label>Show <select id="lb-mode"><option value="top">the top</option><option value="percent">the top %</option><option value="all">every trial</option></select></label>
            <input id="lb-count" type="number" min="1" step="1" value="100" aria-label="how many">
            <span id="lb-shown" class="meta"></span>
            <span id="lb-pager" hidden><button type="button" id="lb-prev" aria-label="previous page">&#9664;</button> <span id="lb-page"></span> <button type="button" id="lb-next" aria-label="next page">&#9654;</button></span>
            <details id="lb-columns"><summary>Columns</summary><div id="lb-columns-list"></div></details>
            <span class="meta">Click a column header to sort.</span>
            </div>
            <noscript><p>The table is drawn by the page's script; leaderboard.csv holds the same rows.</p></noscript>
            <table class="board" id="leaderboard">
            <thead></thead>
            <tbody></tbody>
            </table>

            """);
        html.Write("<script type=\"application/json\" id=\"leaderboard-data\">{\"columns\":");
        WriteStrings(html, columns.Names);
        html.Write(string.Create(CultureInfo.InvariantCulture, $",\"ranked\":{ranked},\"rows\":[\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            WriteStrings(html, columns.Cells(rows[i]));
            html.Write(i < rows.Count - 1 ? ",\n" : "\n");
        }
        html.Write("]}</script>\n");
    }

    /// <summary>A JSON array of strings, escaped so that no <c>&lt;/script&gt;</c> (nor any <c>&lt;</c>) can end the script element early.</summary>
    private static void WriteStrings(TextWriter html, IReadOnlyList<string> values)
    {
        html.Write('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                html.Write(',');
            }
            html.Write('"');
            html.Write(JsonEncodedText.Encode(values[i], JsonEncoder).ToString());
            html.Write('"');
        }
        html.Write(']');
    }

    private static List<ReportPoint> Points(IReadOnlyList<RankedEntry> rows) => rows
        .Where(r => r.Rank is not null && r.Entry.Result.Metrics is { } m && double.IsFinite(m.ValLoss) && double.IsFinite(m.Sparsity))
        .Select(r => new ReportPoint(r.Entry.TrialId, Lambda(r.Entry), r.Entry.SweptText("widths"),
            r.Entry.Result.Metrics!.ValLoss, r.Entry.Result.Metrics.Sparsity,
            r.Repeats?.Of("val_loss").Std is { } std && double.IsFinite(std) ? std : null))
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
