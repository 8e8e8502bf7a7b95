using System.Text;
using System.Text.RegularExpressions;
using ScottPlot.Plottables;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Reporting.Tests;

public partial class ParetoFrontPlotTests
{
    private static readonly MetricSpec Loss = new("val_loss", MetricGoal.Minimize);
    private static readonly MetricSpec Inputs = new("active_inputs", MetricGoal.Minimize);
    private static readonly MetricSpec Accuracy = new("val_accuracy", MetricGoal.Maximize);

    [GeneratedRegex("<figure id=\"pareto-front\"[^>]*><img[^>]*src=\"data:image/svg\\+xml;base64,([^\"]+)\"><figcaption>(.*?)</figcaption></figure>")]
    private static partial Regex ParetoFigure();

    [Fact]
    public void The_staircase_steps_along_x_then_down_to_the_next_point()
    {
        var steps = ParetoFrontPlot.Staircase([(3, 1), (1, 3), (2, 2)], MetricGoal.Minimize);

        Assert.Equal([(1.0, 3.0), (2.0, 3.0), (2.0, 2.0), (3.0, 2.0), (3.0, 1.0)], steps);
    }

    [Fact]
    public void With_a_maximised_x_the_staircase_runs_from_the_highest_x()
    {
        // x = accuracy (higher is better), y = loss: the best accuracy comes first
        var steps = ParetoFrontPlot.Staircase([(0.8, 0.3), (0.9, 0.5)], MetricGoal.Maximize);

        Assert.Equal([(0.9, 0.5), (0.8, 0.5), (0.8, 0.3)], steps);
    }

    [Fact]
    public void The_plot_draws_every_trial_the_front_its_staircase_and_labels()
    {
        // (loss, inputs): t0 (0.2, 9), t1 (0.3, 5), t2 (0.5, 2) are the front; t3 (0.4, 6) is dominated by t1
        ObjectivePoint[] points = [new("t0", [0.2, 9]), new("t1", [0.3, 5]), new("t2", [0.5, 2]), new("t3", [0.4, 6])];

        var (plot, summary) = ParetoFrontPlot.Build(points, [Loss, Inputs], null, "validation loss");

        Assert.Equal([0, 1, 2], summary!.Members);
        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal(4, scatters[0].Data.GetScatterPoints().Count);
        Assert.Equal(3, scatters[1].Data.GetScatterPoints().Count);
        // the staircase in (inputs, loss): (2,0.5) → (5,0.5) → (5,0.3) → (9,0.3) → (9,0.2)
        Assert.Equal([(2.0, 0.5), (5.0, 0.5), (5.0, 0.3), (9.0, 0.3), (9.0, 0.2)],
            scatters[2].Data.GetScatterPoints().Select(c => (c.X, c.Y)));
        Assert.Equal(["t0", "t1", "t2"], plot.GetPlottables().OfType<Text>().Select(t => t.LabelText));
    }

    [Fact]
    public void The_report_of_a_two_objective_sweep_shows_its_front_and_hypervolume()
    {
        // Four ranked trials; loss minimised, accuracy maximised. Minimised: t0 (0.2, −0.9), t1 (0.3, −0.95),
        // t2 (0.4, −0.8) dominated by t0, t3 (0.1, −0.7). Front: t0, t1, t3. Reference given: loss 1, accuracy 0.5
        // → minimised (1, −0.5). Staircase by loss: t3 (1 − 0.1)·(−0.5 + 0.7) = 0.18; t0 (1 − 0.2)·(−0.7 + 0.9) = 0.16;
        // t1 (1 − 0.3)·(−0.9 + 0.95) = 0.035. Hypervolume 0.375.
        var rows = Rows((0.2, 0.9), (0.3, 0.95), (0.4, 0.8), (0.1, 0.7));
        var writer = new ReportWriter(new SweepOutputPaths(""), "two", Loss, ["lambda"], null, [Loss, Accuracy], [1.0, 0.5]);

        var html = writer.Render(rows, DateTimeOffset.UnixEpoch);

        Assert.Contains("ranked by Pareto front of val_loss (minimize), val_accuracy (maximize)", html);
        var figure = ParetoFigure().Match(html);
        Assert.True(figure.Success, "no Pareto figure with a caption");
        Assert.Equal("3 trials on the Pareto front of val_loss (minimize), val_accuracy (maximize). Hypervolume 0.375, "
            + "with the reference point [1, 0.5] (given in the sweep file).", System.Net.WebUtility.HtmlDecode(figure.Groups[2].Value));
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(figure.Groups[1].Value));
        Assert.Contains("Pareto front: validation loss vs val_accuracy", svg);
        var texts = SvgText().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.All(new[] { "t0", "t1", "t3" }, id => Assert.Contains(id, texts));
        Assert.DoesNotContain("t2", texts);
    }

    [Fact]
    public void With_repeats_the_reports_front_is_the_leaderboards_from_the_exact_means()
    {
        // A: 3 and 4 active inputs (mean 3.5, rounded to 4 on its row) at val_loss 0.35; B: 4 and 4 at 0.30. Exact means
        // trade off, so both are on the leaderboard's front; on the rounded row B would dominate A.
        var board = new Leaderboard([Loss, Inputs], repeats: 2);
        (double Loss, int Inputs)[][] configurations = [[(0.35, 3), (0.35, 4)], [(0.30, 4), (0.30, 4)]];
        for (var c = 0; c < configurations.Length; c++)
        {
            for (var r = 0; r < 2; r++)
            {
                var (loss, inputs) = configurations[c][r];
                board.TryAdd(new LeaderboardEntry(2 * c + r, [new SweptValue("lambda", $"1e-{c + 2}")], new TrialResult($"s-{c}-r{r}", TrialStatus.Completed, null,
                    new TrialMetrics(loss, 0.5, loss, 1, 0.5, 0, [], inputs, 100, 3, 3, 1, 100), [new EpochRecord(1, loss, loss, 0.5)], "w", "n", "cpu"), r));
            }
        }
        var rows = board.Ranked();

        var html = new ReportWriter(new SweepOutputPaths(""), "repeats", Loss, ["lambda"], null, [Loss, Inputs], [1.0, 10.0]).Render(rows, DateTimeOffset.UnixEpoch);

        Assert.Equal([1, 1], rows.Select(r => r.Pareto!.Front));
        var front = FrontTrials().Match(html).Groups[1].Value.Split(' ');
        Assert.Equal(rows.Select(r => r.Entry.TrialId).Order(), front.Order());
    }

    [GeneratedRegex("<figure id=\"pareto-front\" data-front-trials=\"([^\"]*)\"")]
    private static partial Regex FrontTrials();

    [Fact]
    public void With_one_objective_the_report_keeps_loss_against_sparsity()
    {
        var html = new ReportWriter(new SweepOutputPaths(""), "one", Loss, ["lambda"]).Render(Rows((0.2, 0.9), (0.3, 0.95)), DateTimeOffset.UnixEpoch);

        Assert.Contains("ranked by val_loss (minimize)", html);
        Assert.DoesNotContain("Hypervolume", html);
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(ParetoImage().Match(html).Groups[1].Value));
        Assert.Contains("Pareto front: validation loss vs sparsity", svg);
    }

    [GeneratedRegex("<text[^>]*>\\s*(.*?)\\s*</text>", RegexOptions.Singleline)]
    private static partial Regex SvgText();

    [GeneratedRegex("<figure id=\"pareto-front\"[^>]*><img[^>]*src=\"data:image/svg\\+xml;base64,([^\"]+)\">")]
    private static partial Regex ParetoImage();

    private static IReadOnlyList<RankedEntry> Rows(params (double Loss, double Accuracy)[] trials)
    {
        var entries = trials.Select((t, i) => new LeaderboardEntry(i, [new SweptValue("lambda", $"1e-{i + 2}")],
            new TrialResult($"t{i}", TrialStatus.Completed, null, new TrialMetrics(t.Loss, t.Accuracy, t.Loss, 1, 0.5, 0, [], 4, 100, 3, 3, 1, 100),
                [new EpochRecord(1, t.Loss, t.Loss, t.Accuracy)], "w", "n", "cpu")));
        return new LeaderboardRanking(Loss).Rank(entries);
    }
}
