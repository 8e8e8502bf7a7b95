using System.Text.RegularExpressions;
using SweepCluster.Cli.Monitoring;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Tests;

public partial class InputSurvivalReportTests
{
    [GeneratedRegex("<tr data-input=\"([^\"]+)\" data-kept=\"([0-9]+)\">")]
    private static partial Regex Bar();

    [Fact]
    public void Report_shows_how_often_each_input_survives_in_the_top_ten_trials()
    {
        // given twelve ranked trials on inputs x0..x4: the best ten keep x0 and x1, four of them x2 too, and two worse ones
        // keep everything; a failed trial has no metrics
        var rows = new List<LeaderboardEntry>();
        for (var i = 0; i < 10; i++)
        {
            rows.Add(Entry(i, 0.3 + i * 0.01, i < 4 ? ["x0", "x1", "x2"] : ["x0", "x1"]));
        }
        rows.Add(Entry(10, 0.9, ["x0", "x1", "x2", "x3", "x4"]));
        rows.Add(Entry(11, 1.0, ["x0", "x1", "x2", "x3", "x4"]));
        rows.Add(new LeaderboardEntry(12, [], new TrialResult("s-12", TrialStatus.Failed, "boom", null, [])));
        var ranked = new LeaderboardRanking(MetricSpec.Default).Rank(rows);

        // when the report is rendered
        var html = new ReportWriter(new SweepOutputPaths("unused"), "s", MetricSpec.Default, ["lambda"]).Render(ranked, DateTimeOffset.UnixEpoch);

        // then one bar per input any ranked trial kept, counted over the top ten, most often kept first, in data order within a count
        var bars = Bar().Matches(html).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([("x0", 10), ("x1", 10), ("x2", 4), ("x3", 0), ("x4", 0)], bars);
        Assert.Contains("How many of the top 10 trials keep each input", html);
        Assert.Contains("2 of 5 inputs are kept by all of them, 2 by none.", html);
        Assert.True(html.IndexOf("id=\"input-survival\"", StringComparison.Ordinal) < html.IndexOf("id=\"leaderboard\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_of_results_without_input_names_has_no_survival_section()
    {
        var ranked = new LeaderboardRanking(MetricSpec.Default).Rank([Entry(0, 0.3, null)]);

        var html = new ReportWriter(new SweepOutputPaths("unused"), "s", MetricSpec.Default, ["lambda"]).Render(ranked, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("input-survival", html);
    }

    [Fact]
    public void Monitor_report_names_what_the_best_trial_kept()
    {
        // given a snapshot whose best trial kept 4 of its inputs and 12 hidden units
        var best = new BestTrial("s-3", "val_loss", 0.34, 0.34, 0.8, "w", new Dictionary<string, string> { ["lambda"] = "0.8" },
            ActiveInputs: 4, ActiveInputNames: ["x0", "x1", "x2", "x3"], ActiveNeurons: [12]);
        var snapshot = new MonitorSnapshot("s", SweepState.Finished, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, 1, 0, 0, 0, "val_loss", MetricGoal.Minimize,
            best, [], [], TimeSpan.Zero, null, 3, 0);

        // when the report is written
        var text = MonitorText.Report(snapshot);

        // then the line under the best trial's parameters says which inputs and how many units it kept
        Assert.Contains("        lambda=0.8\n        active inputs 4: x0, x1, x2, x3; active neurons [12]\n", text.ReplaceLineEndings("\n"));
    }

    private static LeaderboardEntry Entry(long index, double valLoss, IReadOnlyList<string>? kept) =>
        new(index, [new SweptValue("lambda", $"{index}")],
            new TrialResult($"s-{index}", TrialStatus.Completed, null,
                new TrialMetrics(valLoss, 0.8, valLoss, 1, 0.5, 0.1, [0.5], kept?.Count ?? 5, 100, 3, 2, 1, 100, kept, [8]),
                [new EpochRecord(1, valLoss, valLoss, 0.8)]));
}
