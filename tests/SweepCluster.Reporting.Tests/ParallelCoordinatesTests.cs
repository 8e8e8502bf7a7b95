using System.Xml.Linq;
using SweepCluster.Core.Analysis;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Reporting.Tests;

public class ParallelCoordinatesTests
{
    private static (XElement Svg, int Drawn) Render(int trials)
    {
        var rows = SweepRows.Ranked(trials);
        var ranked = AnalysisTrial.FromLeaderboard(rows, MetricSpec.Default);
        var (svg, drawn) = ParallelCoordinates.Render(ParameterScaling.Resolve(SweepRows.Names, SweepRows.Specs, ranked), ranked, MetricSpec.Default);
        return (XElement.Parse(svg), drawn);
    }

    private static IEnumerable<XElement> Named(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static XElement Axis(XElement svg, int index) =>
        Named(svg, "g").Single(g => (string?)g.Attribute("class") == "pc-axis" && (string?)g.Attribute("data-axis") == index.ToString());

    private static List<(double Y, string Label)> Ticks(XElement axis) =>
    [
        .. Named(axis, "text").Where(t => (string?)t.Attribute("class") == "pc-tick")
            .Select(t => (double.Parse((string)t.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture), t.Value)),
    ];

    [Fact]
    public void One_axis_per_parameter_and_one_for_the_metric_each_with_its_scale()
    {
        // Given 30 ranked trials of a sweep over two log-uniform, one uniform and one values parameter
        // When drawn
        var (svg, _) = Render(30);

        // Then there are five axes, in the file's order, the metric last
        var axes = Named(svg, "g").Where(g => (string?)g.Attribute("class") == "pc-axis").ToList();
        Assert.Equal(5, axes.Count);
        Assert.Equal(["log", "log", "linear", "categorical", "metric"], axes.Select(a => (string)a.Attribute("data-scale")!));
        Assert.Equal(["learning_rate (log)", "lambda (log)", "dropout", "widths", "val_loss (minimize)"],
            axes.Select(a => Named(a, "text").Single(t => (string?)t.Attribute("class") == "pc-label").Value));
        Assert.Equal("5", (string?)svg.Attribute("data-axes"));
    }

    [Fact]
    public void Log_axis_has_a_tick_per_decade_of_its_domain_evenly_spaced()
    {
        var (svg, _) = Render(30);

        var ticks = Ticks(Axis(svg, 0));

        // learning_rate's domain is [1e-4, 1e-1]: four decades from the bottom up, one apart
        Assert.Equal(["1e-4", "1e-3", "1e-2", "1e-1"], ticks.Select(t => t.Label));
        var gaps = ticks.Zip(ticks.Skip(1), (a, b) => a.Y - b.Y).ToList();
        Assert.All(gaps, gap => Assert.Equal(gaps[0], gap, 1));
    }

    [Fact]
    public void Categorical_axis_lists_its_values_in_the_sweep_files_order()
    {
        var (svg, _) = Render(30);

        var ticks = Ticks(Axis(svg, 3));

        Assert.Equal(["[64, 32]", "[128]", "[32, 32, 32]"], ticks.Select(t => t.Label));
        Assert.True(ticks[0].Y > ticks[1].Y && ticks[1].Y > ticks[2].Y, "categories go up the axis in order");
    }

    [Fact]
    public void One_line_per_trial_with_the_best_drawn_last_and_darkest()
    {
        var (svg, drawn) = Render(30);

        var lines = Named(svg, "polyline").ToList();

        Assert.Equal((30, 30), (lines.Count, drawn));
        Assert.Equal("1", (string?)lines[^1].Attribute("data-rank"));
        Assert.Equal("30", (string?)lines[0].Attribute("data-rank"));
        Assert.All(lines, line => Assert.Equal(5, ((string)line.Attribute("points")!).Split(' ').Length));
        Assert.Equal(ColourScale.At(0), (string?)lines[^1].Attribute("stroke"));
        Assert.NotEqual(ColourScale.At(0), (string?)lines[0].Attribute("stroke"));
    }

    [Fact]
    public void With_a_metric_to_maximize_the_best_is_still_darkest_and_on_top()
    {
        // Given trials ranked by validation accuracy (higher is better)
        var metric = new MetricSpec("val_accuracy", MetricGoal.Maximize);
        var rows = new Core.Results.LeaderboardRanking(metric).Rank(SweepRows.Ranked(20).Select(r => r.Entry));
        var ranked = AnalysisTrial.FromLeaderboard(rows, metric);

        // When drawn
        var svg = XElement.Parse(ParallelCoordinates.Render(ParameterScaling.Resolve(SweepRows.Names, SweepRows.Specs, ranked), ranked, metric).Svg);

        // Then the last line is the best trial's, in the darkest colour, and the legend puts "better" at the top
        var lines = Named(svg, "polyline").ToList();
        Assert.Equal("1", (string?)lines[^1].Attribute("data-rank"));
        Assert.Equal(ColourScale.At(0), (string?)lines[^1].Attribute("stroke"));
        Assert.Equal("better", Named(svg, "text").First(t => t.Value is "better" or "worse").Value);
    }

    [Fact]
    public void Past_the_line_limit_the_best_and_an_even_sample_are_drawn()
    {
        var (svg, drawn) = Render(ParallelCoordinates.MaxLines + 500);

        var ranks = Named(svg, "polyline").Select(l => int.Parse((string)l.Attribute("data-rank")!)).ToList();

        Assert.Equal(ParallelCoordinates.MaxLines, drawn);
        Assert.Equal(ParallelCoordinates.MaxLines, ranks.Count);
        Assert.Equal(Enumerable.Range(1, ParallelCoordinates.BestAlwaysDrawn), ranks.Order().Take(ParallelCoordinates.BestAlwaysDrawn));
        Assert.Equal(ranks.Count, ranks.Distinct().Count());
        Assert.Equal(1, ranks[^1]);
    }

    [Fact]
    public void Metric_axis_stops_short_of_a_far_outlier_and_says_so()
    {
        // Given losses near 0.5 and one of 1000
        var axis = PlotAxis.ForMetric("val_loss", [0.5, 0.51, 0.52, 0.53, 0.54, 0.55, 1000]);

        // Then the outlier sits at the top, the rest spread below it, and the label counts it
        Assert.Equal(1, axis.Above);
        Assert.Contains("1 above", axis.Label);
        Assert.Equal(1, axis.Position("1000"));
        Assert.InRange(axis.Position("0.55")!.Value, 0.3, 0.99);
    }
}
