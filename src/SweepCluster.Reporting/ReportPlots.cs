using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SweepCluster.Core.Results;

namespace SweepCluster.Reporting;

/// <summary>
/// The report's plots, drawn with ScottPlot and returned as SVG text. Lambda axes are log10(lambda) with
/// decade labels and log-spaced minor ticks (ScottPlot's recipe for log scales).
/// </summary>
internal static class ReportPlots
{
    public const int Width = 600;
    public const int Height = 400;
    private const int CurvesShown = 5;

    /// <summary>The axis label of val_loss: cross-entropy for classification, MSE in the target's units for regression.</summary>
    public static string LossLabel(Core.Sweeps.SweepTask task) =>
        task == Core.Sweeps.SweepTask.Regression ? "validation MSE (target units²)" : "validation loss";

    /// <summary>With repeats, each configuration's mean with an error bar of ± one standard deviation of its repeats.</summary>
    public static string MetricAgainstLambda(IReadOnlyList<ReportPoint> points, string lossLabel = "validation loss") =>
        MetricAgainstLambdaPlot(points, lossLabel).GetSvgXml(Width, Height);

    /// <summary>The plot of <see cref="MetricAgainstLambda"/> before it becomes SVG (tests read its plottables).</summary>
    internal static Plot MetricAgainstLambdaPlot(IReadOnlyList<ReportPoint> points, string lossLabel = "validation loss") =>
        AgainstLambda(points, p => p.ValLoss, $"{Capitalised(lossLabel)} against lambda (by widths)", lossLabel, clip: true, spread: p => p.ValLossStd);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public static string SparsityAgainstLambda(IReadOnlyList<ReportPoint> points) =>
        AgainstLambda(points, p => p.Sparsity, "Sparsity against lambda (by widths)", "sparsity", clip: false).GetSvgXml(Width, Height);

    public static string Pareto(IReadOnlyList<ReportPoint> points, string lossLabel = "validation loss")
    {
        var plot = NewPlot($"Pareto front: {lossLabel} vs sparsity", "sparsity (higher is sparser)", lossLabel);
        ClipOutliers(plot, points.Select(p => p.ValLoss).ToList());
        var all = plot.Add.ScatterPoints(points.Select(p => p.Sparsity).ToArray(), points.Select(p => p.ValLoss).ToArray());
        all.LegendText = "trials";
        all.MarkerSize = 7;
        all.Color = Colors.Gray.WithAlpha(0.6);
        var front = Front(points);
        var line = plot.Add.Scatter(front.Select(p => p.Sparsity).ToArray(), front.Select(p => p.ValLoss).ToArray());
        line.LegendText = "Pareto front";
        line.Color = Colors.OrangeRed;
        line.LineWidth = 2;
        line.MarkerSize = 9;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    public static string LearningCurves(IReadOnlyList<RankedEntry> ranked, string lossLabel = "validation loss")
    {
        var plot = NewPlot($"Learning curves of the top {CurvesShown}", "epoch", lossLabel);
        var palette = new ScottPlot.Palettes.Category10();
        var top = ranked.Where(r => r.Rank is not null && r.Entry.Result.History.Count > 0).Take(CurvesShown).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            var history = top[i].Entry.Result.History.Where(h => double.IsFinite(h.ValLoss)).ToList();
            var curve = plot.Add.Scatter(history.Select(h => (double)h.Epoch).ToArray(), history.Select(h => h.ValLoss).ToArray());
            curve.LegendText = $"#{top[i].Rank} {top[i].Entry.TrialId}";
            curve.Color = palette.GetColor(i);
            curve.LineWidth = 2;
            curve.MarkerSize = 4;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The non-dominated trials (no other is both sparser and lower in loss), by increasing sparsity.</summary>
    public static IReadOnlyList<ReportPoint> Front(IReadOnlyList<ReportPoint> points)
    {
        var front = new List<ReportPoint>();
        var bestLoss = double.PositiveInfinity;
        foreach (var point in points.OrderByDescending(p => p.Sparsity).ThenBy(p => p.ValLoss))
        {
            if (point.ValLoss < bestLoss)
            {
                front.Add(point);
                bestLoss = point.ValLoss;
            }
        }
        front.Reverse();
        return front;
    }

    /// <summary>
    /// A trial that barely trained (a loss of 1000 where the rest sit near 0.5) would squash every other point onto one
    /// line: when the largest value is far above the 90th percentile, the axis stops a little above it and the title
    /// says how many points lie beyond.
    /// </summary>
    private static void ClipOutliers(Plot plot, IReadOnlyList<double> values)
    {
        if (values.Count < 5)
        {
            return;
        }
        var sorted = values.Order().ToList();
        var low = sorted[0];
        var q90 = sorted[(int)Math.Floor(0.9 * (sorted.Count - 1))];
        var spread = Math.Max(q90 - low, 1e-9);
        if (sorted[^1] <= q90 + 3 * spread)
        {
            return;
        }
        var top = q90 + spread;
        var hidden = sorted.Count(v => v > top);
        plot.Axes.SetLimitsY(low - 0.05 * (top - low), top);
        plot.Axes.Title.Label.Text += $" ({hidden} above the axis)";
    }

    private static Plot AgainstLambda(IReadOnlyList<ReportPoint> points, Func<ReportPoint, double> y, string title, string yLabel, bool clip,
        Func<ReportPoint, double?>? spread = null)
    {
        var plot = NewPlot(title, "lambda (log scale)", yLabel);
        if (clip)
        {
            ClipOutliers(plot, points.Select(y).ToList());
        }
        var palette = new ScottPlot.Palettes.Category10();
        var groups = points.Where(p => p.Lambda is > 0).GroupBy(p => p.Widths).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i].ToList();
            var scatter = plot.Add.ScatterPoints(group.Select(p => Math.Log10(p.Lambda!.Value)).ToArray(), group.Select(y).ToArray());
            scatter.LegendText = groups[i].Key.Length > 0 ? $"widths {groups[i].Key}" : "all trials";
            scatter.Color = palette.GetColor(i);
            scatter.MarkerSize = 8;
            AddErrorBars(plot, group, y, spread, palette.GetColor(i));
        }
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = DecadeLabel,
        };
        plot.Grid.MinorLineWidth = 1;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>± <paramref name="spread"/> around each point that has one (the repeats of a configuration).</summary>
    private static void AddErrorBars(Plot plot, List<ReportPoint> group, Func<ReportPoint, double> y, Func<ReportPoint, double?>? spread, Color color)
    {
        var withSpread = spread is null ? [] : group.Where(p => spread(p) is not null).ToList();
        if (withSpread.Count == 0)
        {
            return;
        }
        var bars = plot.Add.ErrorBar(
            withSpread.Select(p => Math.Log10(p.Lambda!.Value)).ToArray(),
            withSpread.Select(y).ToArray(),
            withSpread.Select(p => spread!(p)!.Value).ToArray());
        bars.Color = color;
    }

    private static string DecadeLabel(double exponent) =>
        Math.Pow(10, exponent).ToString("0.##E+0", CultureInfo.InvariantCulture);

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }
}
