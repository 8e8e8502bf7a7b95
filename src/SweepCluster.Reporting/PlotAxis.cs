using System.Globalization;
using SweepCluster.Core.Analysis;

namespace SweepCluster.Reporting;

/// <summary>
/// One vertical axis of the parallel-coordinates view: where a value's text lies on it (0 at the bottom, 1 at the top) and
/// its labelled ticks. Log axes run over log10 of the values with a tick per decade; linear axes get 1-2-5 ticks; a
/// categorical axis puts its categories at even steps, in the sweep file's order. A numeric axis covers the sweep file's
/// domain and every value seen. The metric's axis may stop short of outliers (<see cref="Above"/> values are drawn at its top).
/// </summary>
internal sealed class PlotAxis
{
    private const int MaxCategoryLabels = 16;
    private readonly Func<string, double?> position;

    private PlotAxis(string label, Func<string, double?> position, IReadOnlyList<(double At, string Label)> ticks, int above = 0)
    {
        Label = label;
        this.position = position;
        Ticks = ticks;
        Above = above;
    }

    public string Label { get; }

    public IReadOnlyList<(double At, string Label)> Ticks { get; }

    /// <summary>Values beyond the top of the axis (a loss far above the rest), drawn at the top.</summary>
    public int Above { get; }

    /// <summary>The value's place on the axis in [0, 1], or null when it has none (missing, not a number on a numeric axis).</summary>
    public double? Position(string text) => position(text);

    public static PlotAxis For(AnalysisParameter parameter, IEnumerable<string> observed)
    {
        var texts = observed.Where(t => t.Length > 0).ToList();
        if (parameter.Scale == ParameterScale.Categorical)
        {
            var categories = parameter.Categories.Concat(texts.Distinct(StringComparer.Ordinal).Where(t => !parameter.Categories.Contains(t)).Order(StringComparer.Ordinal)).ToList();
            var index = categories.Select((text, i) => (text, i)).ToDictionary(p => p.text, p => p.i, StringComparer.Ordinal);
            double At(int i) => (i + 0.5) / categories.Count;
            var every = Math.Max(1, (int)Math.Ceiling(categories.Count / (double)MaxCategoryLabels));
            return new PlotAxis(parameter.Name, text => index.TryGetValue(text, out var i) ? At(i) : null,
                [.. categories.Select((text, i) => (At(i), text)).Where((_, i) => i % every == 0)]);
        }
        var log = parameter.Scale == ParameterScale.Log;
        var values = texts.Select(t => ParameterScaling.Coordinate(parameter.Scale, ParameterScaling.Number(t))).Where(double.IsFinite).ToList();
        var bounds = new[] { parameter.Low, parameter.High }.Select(b => ParameterScaling.Coordinate(parameter.Scale, b)).Where(double.IsFinite);
        var all = values.Concat(bounds).ToList();
        var (low, high) = all.Count > 0 ? (all.Min(), all.Max()) : (0, 1);
        if (high <= low)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }
        var ticks = log ? LogTicks(low, high) : LinearTicks(low, high);
        return new PlotAxis(log ? $"{parameter.Name} (log)" : parameter.Name,
            text => ParameterScaling.Coordinate(parameter.Scale, ParameterScaling.Number(text)) is var x && double.IsFinite(x) ? (x - low) / (high - low) : null,
            [.. ticks.Select(t => ((t - low) / (high - low), log ? Power(t) : Plain(t)))]);
    }

    /// <summary>
    /// The metric's linear axis over the values. When the largest is far above the 90th percentile (a trial that barely
    /// trained), the axis stops a little above that percentile and the values beyond are counted in <see cref="Above"/>.
    /// </summary>
    public static PlotAxis ForMetric(string label, IReadOnlyList<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        var (low, high) = sorted.Count > 0 ? (sorted[0], sorted[^1]) : (0, 1);
        var above = 0;
        if (sorted.Count >= 5)
        {
            var q90 = sorted[(int)Math.Floor(0.9 * (sorted.Count - 1))];
            var spread = Math.Max(q90 - low, 1e-9);
            if (high > q90 + 3 * spread)
            {
                high = q90 + spread;
                above = sorted.Count(v => v > high);
            }
        }
        if (high <= low)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }
        var (min, max) = (low, high);
        return new PlotAxis(above > 0 ? $"{label} ({above} above)" : label,
            text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? Math.Clamp((v - min) / (max - min), 0, 1) : null,
            [.. LinearTicks(low, high).Select(t => ((t - min) / (max - min), Plain(t)))], above);
    }

    /// <summary>Whole decades within [low, high] (log10 units); where fewer than two, the 1-2-5 steps of each decade.</summary>
    private static List<double> LogTicks(double low, double high)
    {
        var decades = Enumerable.Range((int)Math.Ceiling(low - 1e-9), Math.Max(0, (int)Math.Floor(high + 1e-9) - (int)Math.Ceiling(low - 1e-9) + 1))
            .Select(k => (double)k).ToList();
        if (decades.Count >= 2)
        {
            var every = Math.Max(1, (int)Math.Ceiling(decades.Count / 8.0));
            return [.. decades.Where((_, i) => i % every == 0)];
        }
        var steps = new List<double>();
        for (var k = (int)Math.Floor(low) - 1; k <= (int)Math.Ceiling(high); k++)
        {
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var t = k + Math.Log10(m);
                if (t >= low - 1e-9 && t <= high + 1e-9)
                {
                    steps.Add(t);
                }
            }
        }
        return steps.Count >= 2 ? steps : [low, high];
    }

    /// <summary>Round ticks (steps of 1, 2 or 5 times a power of ten) within [low, high], about five of them.</summary>
    private static List<double> LinearTicks(double low, double high)
    {
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(low / step - 1e-9) * step; t <= high + 1e-9 * step; t += step)
        {
            ticks.Add(Math.Round(t / step) * step);
        }
        return ticks;
    }

    private static string Power(double exponent)
    {
        var value = Math.Pow(10, exponent);
        return value.ToString(Math.Abs(exponent - Math.Round(exponent)) < 1e-9 ? "0e+0" : "0.#e+0", CultureInfo.InvariantCulture);
    }

    private static string Plain(double value) => (Math.Abs(value) < 1e-12 ? 0 : value).ToString("G6", CultureInfo.InvariantCulture);
}
