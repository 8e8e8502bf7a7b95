using System.Globalization;
using ScottPlot;
using SweepCluster.Core.Pareto;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Reporting;

/// <summary>
/// The Pareto plot of a sweep with two or three objectives: every ranked trial by its first two objectives, the front
/// (rank 1 over all objectives) labelled with trial ids and, with two objectives, drawn as the staircase that bounds the
/// region it dominates. Its caption gives the front's size and the hypervolume with the reference point used.
/// </summary>
internal static class ParetoFrontPlot
{
    /// <summary>Beyond this many labels the front's ids overlap into a smudge; the markers still show every member.</summary>
    public const int MaxLabels = 20;

    public static (string Svg, FrontSummary? Summary) Render(IReadOnlyList<ObjectivePoint> points, IReadOnlyList<MetricSpec> objectives,
        IReadOnlyList<double>? reference, string lossLabel)
    {
        var (plot, summary) = Build(points, objectives, reference, lossLabel);
        return (plot.GetSvgXml(ReportPlots.Width, ReportPlots.Height), summary);
    }

    /// <summary>The plot before it becomes SVG (tests read its plottables), and the front it shows.</summary>
    internal static (Plot Plot, FrontSummary? Summary) Build(IReadOnlyList<ObjectivePoint> points, IReadOnlyList<MetricSpec> objectives,
        IReadOnlyList<double>? reference, string lossLabel)
    {
        var goals = objectives.Select(o => o.Goal).ToList();
        var minimised = points.Select(p => (IReadOnlyList<double>)ObjectiveOrientation.Minimised(p.Values, goals)).ToList();
        var summary = FrontSummary.Of(minimised, reference is null ? null : ObjectiveOrientation.Minimised(reference, goals));
        var plot = new Plot();
        plot.Title($"Pareto front: {Label(objectives[0], lossLabel)} vs {Label(objectives[1], lossLabel)}");
        plot.XLabel(AxisLabel(objectives[1], lossLabel));
        plot.YLabel(AxisLabel(objectives[0], lossLabel));
        var shown = Sample(points, summary?.Members ?? []);
        var all = plot.Add.ScatterPoints(shown.Select(p => p.Values[1]).ToArray(), shown.Select(p => p.Values[0]).ToArray());
        all.LegendText = "trials";
        all.MarkerSize = 7;
        all.Color = Colors.Gray.WithAlpha(0.6);
        if (summary is not null)
        {
            AddFront(plot, [.. summary.Members.Select(i => points[i])], objectives[1].Goal, objectives.Count);
        }
        plot.ShowLegend(Alignment.UpperRight);
        return (plot, summary);
    }

    /// <summary>
    /// The grey points: all when few, else an even sample of <see cref="ReportWriter.MaxPlottedPoints"/> (the front is
    /// drawn on its own, and the front and hypervolume are computed over every point).
    /// </summary>
    private static List<ObjectivePoint> Sample(IReadOnlyList<ObjectivePoint> points, IReadOnlyList<int> front)
    {
        if (points.Count <= ReportWriter.MaxPlottedPoints)
        {
            return [.. points];
        }
        var onFront = front.ToHashSet();
        var rest = Enumerable.Range(0, points.Count).Where(i => !onFront.Contains(i)).ToList();
        var stride = (rest.Count + ReportWriter.MaxPlottedPoints - 1) / ReportWriter.MaxPlottedPoints;
        return [.. rest.Where((_, k) => k % stride == 0).Select(i => points[i])];
    }

    /// <summary>
    /// The staircase through the front's points, in the plotted units: sorted by the x objective from best to worst,
    /// each point steps along x to the next point's x, then along y to the next point (the boundary of what the front
    /// dominates). Input and output are (x, y) = (second objective, first objective).
    /// </summary>
    internal static IReadOnlyList<(double X, double Y)> Staircase(IReadOnlyList<(double X, double Y)> front, MetricGoal xGoal)
    {
        var sorted = (xGoal == MetricGoal.Maximize ? front.OrderByDescending(p => p.X) : front.OrderBy(p => p.X)).ToList();
        var vertices = new List<(double X, double Y)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                vertices.Add((sorted[i].X, sorted[i - 1].Y));
            }
            vertices.Add(sorted[i]);
        }
        return vertices;
    }

    private static void AddFront(Plot plot, List<ObjectivePoint> front, MetricGoal xGoal, int objectives)
    {
        var xs = front.Select(p => p.Values[1]).ToArray();
        var ys = front.Select(p => p.Values[0]).ToArray();
        var members = plot.Add.ScatterPoints(xs, ys);
        members.LegendText = objectives == 2 ? "Pareto front" : "Pareto front (of all three objectives)";
        members.Color = Colors.OrangeRed;
        members.MarkerSize = 9;
        if (objectives == 2)
        {
            var steps = Staircase([.. front.Select(p => (p.Values[1], p.Values[0]))], xGoal);
            var line = plot.Add.Scatter(steps.Select(s => s.X).ToArray(), steps.Select(s => s.Y).ToArray());
            line.Color = Colors.OrangeRed;
            line.LineWidth = 2;
            line.MarkerSize = 0;
        }
        foreach (var point in front.Take(MaxLabels))
        {
            var label = plot.Add.Text(point.TrialId, point.Values[1], point.Values[0]);
            label.LabelFontSize = 10;
            label.LabelFontColor = Colors.DarkRed;
        }
    }

    /// <summary>The caption under the plot: the front's size, the hypervolume and where its reference point came from.</summary>
    public static string Caption(FrontSummary summary, IReadOnlyList<MetricSpec> objectives)
    {
        var goals = objectives.Select(o => o.Goal).ToList();
        var reference = ObjectiveOrientation.Natural(summary.Reference, goals);
        var origin = summary.ReferenceGiven ? "given in the sweep file" : "the worst value seen on each objective plus 10 % of its range";
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Members.Count} trials on the {ObjectivesText.Of(objectives)}. Hypervolume {summary.Hypervolume:G6}, "
            + $"with the reference point [{string.Join(", ", reference.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}] ({origin}).");
    }

    private static string Label(MetricSpec objective, string lossLabel) => objective.Name == "val_loss" ? lossLabel : objective.Name;

    private static string AxisLabel(MetricSpec objective, string lossLabel) =>
        $"{Label(objective, lossLabel)} ({(objective.Goal == MetricGoal.Maximize ? "higher" : "lower")} is better)";
}
