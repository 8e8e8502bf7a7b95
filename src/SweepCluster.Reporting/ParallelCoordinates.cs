using System.Globalization;
using System.Text;
using SweepCluster.Core.Analysis;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Reporting;

/// <summary>
/// The parallel-coordinates view as inline SVG: one vertical axis per swept parameter (log axes for log domains,
/// categories for <c>values</c> lists, see <see cref="PlotAxis"/>) and a last one for the metric; one line per ranked trial,
/// coloured by its metric on a sequential scale (<see cref="ColourScale"/>: darkest is best, the legend beside the metric
/// axis), drawn worst first so that the best lie on top. Past <see cref="MaxLines"/> trials it draws the best
/// <see cref="BestAlwaysDrawn"/> and an even sample of the rest. Each axis carries a brush area the page's script uses to
/// filter lines by dragging along an axis.
/// </summary>
internal static class ParallelCoordinates
{
    public const int MaxLines = 2000;
    public const int BestAlwaysDrawn = 200;
    private const double Width = 1100;
    private const double Height = 460;
    private const double Left = 90;
    private const double Right = 140;
    private const double Top = 52;
    private const double Bottom = 30;

    /// <summary>The SVG element, and how many trials it draws.</summary>
    public static (string Svg, int Drawn) Render(IReadOnlyList<AnalysisParameter> parameters, IReadOnlyList<AnalysisTrial> ranked, MetricSpec metric)
    {
        var drawn = Thin(ranked);
        var axes = parameters.Select(p => PlotAxis.For(p, ranked.Select(t => t.Text(p.Name)))).ToList();
        var metricAxis = PlotAxis.ForMetric($"{metric.Name} ({metric.Goal.ToString().ToLowerInvariant()})", [.. ranked.Select(t => t.Metric)]);
        axes.Add(metricAxis);
        var x = axes.Select((_, i) => axes.Count == 1 ? Left : Left + i * (Width - Left - Right) / (axes.Count - 1)).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pc\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Parallel coordinates of {drawn.Count} trials\" data-axes=\"{axes.Count}\" data-lines=\"{drawn.Count}\">\n");
        AppendLegendGradient(svg, metric.Goal);
        // Many lines at full strength merge into one block: the more there are, the fainter each (the best 10 stay solid).
        var opacity = Math.Clamp(6 / Math.Sqrt(Math.Max(1, drawn.Count)), 0.15, 0.8);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"pc-lines\" fill=\"none\" stroke-width=\"1.2\" stroke-opacity=\"{opacity:0.##}\">\n");
        // Worst first: SVG paints in document order, so the best trials end up on top.
        foreach (var (trial, rank) in drawn.AsEnumerable().Reverse())
        {
            var points = new List<string>(axes.Count);
            for (var i = 0; i < parameters.Count && points.Count == i; i++)
            {
                if (axes[i].Position(trial.Text(parameters[i].Name)) is { } u)
                {
                    points.Add($"{Svg.Coordinate(x[i])},{Svg.Coordinate(Y(u))}");
                }
            }
            var metricAt = metricAxis.Position(trial.Metric.ToString("R", CultureInfo.InvariantCulture));
            if (points.Count < parameters.Count || metricAt is not { } m)
            {
                continue;
            }
            points.Add($"{Svg.Coordinate(x[^1])},{Svg.Coordinate(Y(m))}");
            var colour = ColourScale.At(Badness(m, metric.Goal));
            var emphasis = rank == 1 ? " stroke-width=\"2.5\" stroke-opacity=\"1\"" : rank <= 10 ? " stroke-width=\"1.5\" stroke-opacity=\"1\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<polyline points=\"{string.Join(' ', points)}\" stroke=\"{colour}\"{emphasis} data-rank=\"{rank}\"><title>#{rank} {Svg.Text(trial.TrialId)}: {Svg.Text(metric.Name)} = {Svg.Number(trial.Metric)}</title></polyline>\n");
        }
        svg.Append("</g>\n<g class=\"pc-axes\" font-size=\"11\">\n");
        for (var i = 0; i < axes.Count; i++)
        {
            var scale = i == axes.Count - 1 ? "metric" : parameters[i].Scale.ToString().ToLowerInvariant();
            AppendAxis(svg, axes[i], x[i], i, scale);
        }
        svg.Append("</g>\n");
        AppendLegend(svg, metric.Goal);
        svg.Append("</svg>\n");
        return (svg.ToString(), drawn.Count);
    }

    private static double Y(double u) => Height - Bottom - u * (Height - Top - Bottom);

    /// <summary>0 for the best end of the metric axis, 1 for the worst, scaled into the readable part of the colour scale.</summary>
    private static double Badness(double u, MetricGoal goal) => 0.92 * (goal == MetricGoal.Minimize ? u : 1 - u);

    private static void AppendAxis(StringBuilder svg, PlotAxis axis, double x, int index, string scale)
    {
        var (top, bottom) = (Y(1), Y(0));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"pc-axis\" data-axis=\"{index}\" data-scale=\"{scale}\" transform=\"translate({Svg.Coordinate(x)},0)\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line y1=\"{Svg.Coordinate(top)}\" y2=\"{Svg.Coordinate(bottom)}\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"pc-label\" y=\"{Svg.Coordinate(top - 24)}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">{Svg.Text(axis.Label)}</text>\n");
        foreach (var (at, label) in axis.Ticks)
        {
            var y = Svg.Coordinate(Y(at));
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"-4\" y1=\"{y}\" y2=\"{y}\" stroke=\"#333\"/><text class=\"pc-tick\" x=\"-7\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">{Svg.Text(label)}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"pc-brush-area\" x=\"-12\" y=\"{Svg.Coordinate(top)}\" width=\"24\" height=\"{Svg.Coordinate(bottom - top)}\" fill=\"transparent\"/>\n</g>\n");
    }

    private static void AppendLegendGradient(StringBuilder svg, MetricGoal goal)
    {
        // Bottom (low values) to top (high values), matching the metric axis beside it.
        svg.Append("<defs><linearGradient id=\"pc-gradient\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (var k = 0; k <= 8; k++)
        {
            var u = k / 8.0;
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{u:0.###}\" stop-color=\"{ColourScale.At(Badness(u, goal))}\"/>");
        }
        svg.Append("</linearGradient></defs>\n");
    }

    private static void AppendLegend(StringBuilder svg, MetricGoal goal)
    {
        var (top, bottom) = (Y(1), Y(0));
        var x = Width - Right + 48;
        var (upper, lower) = goal == MetricGoal.Minimize ? ("worse", "better") : ("better", "worse");
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"pc-legend\" font-size=\"11\"><rect x=\"{Svg.Coordinate(x)}\" y=\"{Svg.Coordinate(top)}\" width=\"14\" height=\"{Svg.Coordinate(bottom - top)}\" fill=\"url(#pc-gradient)\"/>"
            + $"<text x=\"{Svg.Coordinate(x + 20)}\" y=\"{Svg.Coordinate(top)}\" dy=\"0.8em\">{upper}</text>"
            + $"<text x=\"{Svg.Coordinate(x + 20)}\" y=\"{Svg.Coordinate(bottom)}\">{lower}</text></g>\n");
    }

    /// <summary>The trials to draw with their ranks (1-based): all of them, or past <see cref="MaxLines"/> the best and an even sample.</summary>
    private static List<(AnalysisTrial Trial, int Rank)> Thin(IReadOnlyList<AnalysisTrial> ranked)
    {
        var numbered = ranked.Select((t, i) => (t, i + 1)).ToList();
        if (numbered.Count <= MaxLines)
        {
            return numbered;
        }
        var rest = numbered.Skip(BestAlwaysDrawn).ToList();
        var room = MaxLines - BestAlwaysDrawn;
        return [.. numbered.Take(BestAlwaysDrawn), .. Enumerable.Range(0, room).Select(k => rest[(int)((long)k * rest.Count / room)])];
    }
}
