using ScottPlot.Plottables;

namespace SweepCluster.Reporting.Tests;

/// <summary>With repeats, the loss-against-lambda plot draws each configuration's spread as an error bar.</summary>
public class RepeatErrorBarTests
{
    private static readonly ReportPoint[] Trials =
    [
        new("s-0", 1e-4, "[8]", 0.40, 0.1), new("s-1", 1e-3, "[8]", 0.35, 0.3), new("s-2", 1e-2, "[8]", 0.45, 0.6),
    ];

    [Fact]
    public void Configurations_get_an_error_bar_of_one_std_at_their_mean()
    {
        // given three configurations on a lambda path, as means of repeats with a spread (one has a single repeat)
        ReportPoint[] configurations = [Trials[0] with { ValLossStd = 0.01 }, Trials[1] with { ValLossStd = 0.03 }, Trials[2]];

        // when plotted
        var bars = Assert.Single(ReportPlots.MetricAgainstLambdaPlot(configurations).GetPlottables().OfType<ErrorBar>());

        // then the two with a spread have a bar of ± their std at (log10 lambda, mean)
        Assert.Equal([-4.0, -3.0], bars.Xs.Select(x => Math.Round(x, 9)));
        Assert.Equal([0.40, 0.35], bars.Ys);
        Assert.Equal([0.01, 0.03], bars.YErrorPositive);
        Assert.Equal([0.01, 0.03], bars.YErrorNegative);
    }

    [Fact]
    public void Trials_without_repeats_get_no_error_bars()
    {
        Assert.Empty(ReportPlots.MetricAgainstLambdaPlot(Trials).GetPlottables().OfType<ErrorBar>());
    }
}
