using System.Globalization;
using System.Text.Json;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Repeats;

/// <summary>With repeats, the leaderboards have one row per configuration, ranked by the mean, with the sample std.</summary>
public sealed class RepeatLeaderboardTests : IDisposable
{
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-repeats-{Guid.NewGuid():N}"));

    /// <summary>
    /// Configuration A (trials 0-2) has the best single trial but a wide spread; B (3-5) the best mean; C (6-8) lost a repeat
    /// to divergence; D (9-11) failed in every repeat.
    /// </summary>
    private static IReadOnlyList<LeaderboardEntry> Trials() =>
    [
        Repeat(0, 0.30, 0.90), Repeat(1, 0.36, 0.80), Repeat(2, 0.42, 0.70),
        Repeat(3, 0.33, 0.85), Repeat(4, 0.34, 0.86), Repeat(5, 0.35, 0.87),
        Repeat(6, 0.50, 0.60), Ended(7, TrialStatus.Diverged, "loss became NaN in epoch 2"), Repeat(8, 0.70, 0.40),
        Ended(9, TrialStatus.Failed, "bad"), Ended(10, TrialStatus.Failed, "bad"), Ended(11, TrialStatus.Failed, "bad"),
    ];

    [Fact]
    public void Mean_and_sample_std_match_a_hand_computation()
    {
        var spread = MetricSpread.Of([0.30, 0.36, 0.42]);

        // mean (0.30 + 0.36 + 0.42) / 3 = 0.36; std √((0.06² + 0 + 0.06²) / (3 − 1)) = 0.06
        Assert.Equal(0.36, spread.Mean, 12);
        Assert.Equal(0.06, spread.Std, 12);
        Assert.True(double.IsNaN(MetricSpread.Of([0.5]).Std));
    }

    [Fact]
    public void Rows_are_configurations_ranked_by_the_mean_with_their_spread()
    {
        // given 12 trials of 4 configurations of 3 repeats, in an arrival order that mixes them
        var board = new Leaderboard(MetricSpec.Default, repeats: 3);
        foreach (var entry in Trials().Reverse())
        {
            board.TryAdd(entry);
        }

        // when ranked
        var rows = board.Ranked();

        // then B (mean 0.34) beats A (mean 0.36) although A has the best trial; C ranks on its 2 finished repeats; D is unranked
        Assert.Equal(["s-1", "s-0", "s-2", "s-3"], rows.Select(r => r.Entry.TrialId));
        Assert.Equal([1, 2, 3, (int?)null], rows.Select(r => r.Rank));
        Assert.Equal([3, 3, 2, 0], rows.Select(r => r.Repeats!.Ranked));
        Assert.Equal(0.34, rows[0].Repeats!.Of("val_loss").Mean, 12);
        Assert.Equal(0.01, rows[0].Repeats!.Of("val_loss").Std, 12);
        Assert.Equal(0.06, rows[1].Repeats!.Of("val_loss").Std, 12);
        Assert.Equal(Math.Sqrt(0.02), rows[2].Repeats!.Of("val_loss").Std, 12);
        Assert.Equal(0.80, rows[1].Entry.Result.Metrics!.ValAccuracy!.Value, 12);
        Assert.Contains("1 of 3 repeats left out: s-2-r1 diverged (loss became NaN in epoch 2)", rows[2].Entry.Result.Reason);
        Assert.Equal(TrialStatus.Failed, rows[3].Entry.Result.Status);
        Assert.Equal(12, board.RankedTrials().Count);
    }

    [Fact]
    public void Csv_json_and_markdown_have_one_row_per_configuration_with_mean_and_std_columns()
    {
        // given the ranked configurations of a sweep ranked by val_accuracy
        var metric = new MetricSpec("val_accuracy", MetricGoal.Maximize);
        var board = new Leaderboard(metric, repeats: 3);
        foreach (var entry in Trials())
        {
            board.TryAdd(entry);
        }

        // when the leaderboard files are written
        new LeaderboardWriter(paths, ["lambda"], repeats: 3, rankingMetric: metric.Name).Write(board.Ranked());

        // then each has a header and 4 rows, with repeats, mean and std of the ranking metric, val_loss and val_accuracy
        var csv = File.ReadAllLines(paths.LeaderboardCsv);
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("rank,configuration,lambda,status,repeats,val_accuracy_mean,val_accuracy_std,val_loss_mean,val_loss_std,train_loss,sparsity,", csv[0]);
        var first = csv[1].Split(',');
        Assert.Equal(["1", "s-1", "0.1", "completed", "3"], first[..5]);
        Assert.Equal(0.86, double.Parse(first[5], CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.01, double.Parse(first[6], CultureInfo.InvariantCulture), 12);
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        Assert.Equal(4, json.RootElement.GetArrayLength());
        var second = json.RootElement[1];
        Assert.Equal("s-0", second.GetProperty("configuration").GetString());
        Assert.Equal(0.36, second.GetProperty("val_loss_mean").GetDouble(), 12);
        Assert.Equal(0.06, second.GetProperty("val_loss_std").GetDouble(), 12);
        Assert.Equal(0.1, second.GetProperty("val_accuracy_std").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.RootElement[3].GetProperty("val_loss_mean").ValueKind);
        var markdown = File.ReadAllLines(paths.LeaderboardMarkdown);
        Assert.Equal(6, markdown.Length);
        Assert.Contains("| repeats | val_accuracy_mean | val_accuracy_std | val_loss_mean | val_loss_std |", markdown[0]);
        Assert.StartsWith("| 1 | s-1 | 1e-1 | completed | 3 | 0.8600 | 0.0100 | 0.3400 | 0.0100 |", markdown[2]);
    }

    [Fact]
    public void The_console_table_shows_configurations_with_their_spread()
    {
        var board = new Leaderboard(MetricSpec.Default, repeats: 3);
        foreach (var entry in Trials())
        {
            board.TryAdd(entry);
        }

        var text = LeaderboardTable.Console(board.Ranked(), ["lambda"], top: 2, repeats: 3, rankingMetric: "val_loss").Split('\n');

        Assert.StartsWith("rank  configuration  lambda  status     repeats  val_loss_mean  val_loss_std  val_accuracy_mean", text[0]);
        Assert.StartsWith("1     s-1            1e-1    completed  3        0.3400         0.0100", text[1]);
        Assert.Equal(4, text.Length); // header, 2 rows, and the final newline
    }

    private static LeaderboardEntry Repeat(long index, double valLoss, double valAccuracy) =>
        new(index, [new SweptValue("lambda", $"1e-{index / 3}")],
            new TrialResult($"s-{index / 3}-r{index % 3}", TrialStatus.Completed, null,
                new TrialMetrics(valLoss, valAccuracy, valLoss, 2.5, 0.5, 0.1, [0.5], 4, 100, 3, 2, 1.25, 100, ["x0", "x1"], [8]),
                [new EpochRecord(1, valLoss, valLoss, valAccuracy)]),
            (int)(index % 3));

    private static LeaderboardEntry Ended(long index, TrialStatus status, string reason) =>
        new(index, [new SweptValue("lambda", $"1e-{index / 3}")], new TrialResult($"s-{index / 3}-r{index % 3}", status, reason, null, []), (int)(index % 3));

    public void Dispose()
    {
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
