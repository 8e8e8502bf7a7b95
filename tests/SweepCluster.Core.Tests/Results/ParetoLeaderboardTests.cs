using System.Text.Json;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Results;

/// <summary>
/// A hand-made board ranked by val_accuracy (maximised) and active_inputs (minimised). Front 1 is s-0 (0.875, 10),
/// s-1 (0.75, 5), s-2 (0.625, 3) and s-3 (0.375, 2); s-4 (0.6875, 6) is dominated by s-1 only (front 2), and s-5 (0.5, 8)
/// by s-4 too (front 3). Crowding in front 1: accuracy spans 0.5 and inputs 8; s-1 gets (0.875 − 0.625)/0.5 + (10 − 3)/8
/// = 1.375, s-2 gets (0.75 − 0.375)/0.5 + (5 − 2)/8 = 1.125, s-0 and s-3 are boundaries (infinite), tied by accuracy.
/// s-7 has no accuracy (ranked after the fronts), s-6 failed (unranked).
/// </summary>
public sealed class ParetoLeaderboardTests : IDisposable
{
    private static readonly MetricSpec[] Objectives = [new("val_accuracy", MetricGoal.Maximize), new("active_inputs", MetricGoal.Minimize)];

    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-pareto-{Guid.NewGuid():N}"));

    private static LeaderboardEntry Trial(long index, double? accuracy, int inputs) =>
        new(index, [], new TrialResult($"s-{index}", TrialStatus.Completed, null,
            new TrialMetrics(0.5, accuracy, 0.5, 2.5, 0.25, 0.125, [0.25], inputs, 100, 3, 2, 1.5, 100),
            [], "w0", "node-a", "cpu"));

    private static Leaderboard Board()
    {
        var board = new Leaderboard(Objectives);
        LeaderboardEntry[] entries =
        [
            Trial(0, 0.875, 10), Trial(1, 0.75, 5), Trial(2, 0.625, 3), Trial(3, 0.375, 2), Trial(4, 0.6875, 6), Trial(5, 0.5, 8),
            Entries.Ended(6, TrialStatus.Failed, "boom"), Trial(7, null, 1),
        ];
        foreach (var entry in entries.Reverse())
        {
            board.TryAdd(entry);
        }
        return board;
    }

    [Fact]
    public void Rows_are_ranked_by_front_then_crowding_then_the_first_objective()
    {
        // when a two-objective board is ranked
        var rows = Board().Ranked();

        // then the fronts come in order, boundaries first within front 1, the incomplete and failed rows last
        Assert.Equal(["s-0", "s-3", "s-1", "s-2", "s-4", "s-5", "s-7", "s-6"], rows.Select(r => r.Entry.TrialId));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, null], rows.Select(r => r.Rank));
        Assert.Equal([1, 1, 1, 1, 2, 3, (int?)null, null], rows.Select(r => r.Pareto?.Front));
        Assert.Equal([double.PositiveInfinity, double.PositiveInfinity, 1.375, 1.125, double.PositiveInfinity, double.PositiveInfinity, (double?)null, null],
            rows.Select(r => r.Pareto?.Crowding));
    }

    [Fact]
    public void Pareto_rank_1_is_exactly_the_non_dominated_rows()
    {
        var rows = Board().Ranked();

        Assert.Equal(["s-0", "s-1", "s-2", "s-3"], rows.Where(r => r.Pareto?.Front == 1).Select(r => r.Entry.TrialId).Order());
    }

    [Fact]
    public void One_objective_keeps_the_single_metric_order_without_pareto_places()
    {
        var board = new Leaderboard(Objectives[..1]);
        board.TryAdd(Trial(0, 0.5, 1));
        board.TryAdd(Trial(1, 0.75, 9));

        var rows = board.Ranked();

        Assert.Equal(["s-1", "s-0"], rows.Select(r => r.Entry.TrialId));
        Assert.All(rows, r => Assert.Null(r.Pareto));
        Assert.Null(board.Pareto);
    }

    [Fact]
    public void The_files_gain_pareto_rank_and_crowding_after_rank()
    {
        // when the two-objective board is written
        new LeaderboardWriter(paths, [], objectives: 2).Write(Board().Ranked());

        // then the CSV has the front and the crowding (inf for a boundary) after rank, empty where a row has no front
        var csv = File.ReadAllLines(paths.LeaderboardCsv);
        Assert.StartsWith("rank,pareto_rank,crowding,trial_id,status,val_loss,val_accuracy,", csv[0]);
        Assert.StartsWith("1,1,inf,s-0,completed,0.5,0.875,", csv[1]);
        Assert.StartsWith("3,1,1.375,s-1,completed,0.5,0.75,", csv[3]);
        Assert.StartsWith("4,1,1.125,s-2,", csv[4]);
        Assert.StartsWith("5,2,inf,s-4,", csv[5]);
        Assert.StartsWith("7,,,s-7,completed,0.5,,", csv[7]);
        Assert.StartsWith(",,,s-6,failed,", csv[8]);

        // and the JSON has the front as a number and crowding as a number, or "inf", or null
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        var first = json.RootElement[0];
        Assert.Equal((1, "inf"), (first.GetProperty("pareto_rank").GetInt32(), first.GetProperty("crowding").GetString()));
        Assert.Equal(1.375, json.RootElement[2].GetProperty("crowding").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement[6].GetProperty("pareto_rank").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement[7].GetProperty("crowding").ValueKind);
        Assert.Equal(["rank", "pareto_rank", "crowding", "trial_id"], first.EnumerateObject().Take(4).Select(p => p.Name));

        // and the Markdown rounds crowding as it rounds the metrics
        var markdown = File.ReadAllLines(paths.LeaderboardMarkdown);
        Assert.StartsWith("| rank | pareto_rank | crowding | trial_id | status | val_loss | val_accuracy |", markdown[0]);
        Assert.StartsWith("| 1 | 1 | inf | s-0 | completed | 0.5000 | 0.8750 |", markdown[2]);
        Assert.StartsWith("| 3 | 1 | 1.3750 | s-1 | completed |", markdown[4]);
        Assert.StartsWith("| 7 |  |  | s-7 | completed |", markdown[8]);
    }

    [Fact]
    public void The_console_table_shows_pareto_rank_and_crowding()
    {
        var text = LeaderboardTable.Console(Board().Ranked(), [], top: 3, objectives: 2).Split('\n');

        Assert.StartsWith("rank  pareto_rank  crowding  trial_id  status", text[0]);
        Assert.StartsWith("1     1            inf       s-0       completed", text[1]);
        Assert.StartsWith("3     1            1.3750    s-1       completed", text[3]);
    }

    [Fact]
    public void One_objective_files_have_no_pareto_columns()
    {
        new LeaderboardWriter(paths, []).Write(new Leaderboard(Objectives[..1]).Ranked());

        Assert.StartsWith("rank,trial_id,status,", File.ReadAllLines(paths.LeaderboardCsv)[0]);
    }

    [Fact]
    public void With_repeats_the_configurations_are_ranked_by_front_of_their_means()
    {
        // given configurations of two repeats ranked by val_loss and seconds: A (0.30, 10 s), B (0.40, 2 s), C (0.50, 5 s,
        // dominated by B), D (0.45, 1 s); in front 1, B's crowding is (0.45 − 0.30)/0.15 + (10 − 1)/9 = 2, A and D are boundaries
        var board = new Leaderboard([new MetricSpec("val_loss", MetricGoal.Minimize), new MetricSpec("seconds", MetricGoal.Minimize)], repeats: 2);
        (double Loss, double Seconds)[] configurations = [(0.30, 10), (0.40, 2), (0.50, 5), (0.45, 1)];
        for (var c = 0; c < configurations.Length; c++)
        {
            for (var r = 0; r < 2; r++)
            {
                var (loss, seconds) = configurations[c];
                board.TryAdd(new LeaderboardEntry(2 * c + r, [], new TrialResult($"s-{c}-r{r}", TrialStatus.Completed, null,
                    new TrialMetrics(loss, 0.5, loss, 2.5, 0.25, 0.125, [0.25], 4, 100, 3, 2, seconds, 100), []), r));
            }
        }

        // when ranked and written
        var rows = board.Ranked();
        new LeaderboardWriter(paths, [], repeats: 2, objectives: 2).Write(rows);

        // then A and D (boundaries, by val_loss) precede B, and C is on front 2, in rows and files
        Assert.Equal(["s-0", "s-3", "s-1", "s-2"], rows.Select(r => r.Entry.TrialId));
        Assert.Equal([1, 1, 1, 2], rows.Select(r => r.Pareto!.Front));
        Assert.Equal(2.0, rows[2].Pareto!.Crowding);
        var csv = File.ReadAllLines(paths.LeaderboardCsv);
        Assert.StartsWith("rank,pareto_rank,crowding,configuration,status,repeats,", csv[0]);
        Assert.StartsWith("3,1,2,s-1,completed,2,", csv[3]);
    }

    [Fact]
    public void With_repeats_the_front_uses_the_exact_means_not_the_rows_rounded_counts()
    {
        // given A with 3 and 4 active inputs (mean 3.5, shown rounded to 4) at val_loss 0.35, and B with 4 and 4 at 0.30
        var board = new Leaderboard([new MetricSpec("val_loss", MetricGoal.Minimize), new MetricSpec("active_inputs", MetricGoal.Minimize)], repeats: 2);
        (double Loss, int Inputs)[][] configurations = [[(0.35, 3), (0.35, 4)], [(0.30, 4), (0.30, 4)]];
        for (var c = 0; c < configurations.Length; c++)
        {
            for (var r = 0; r < 2; r++)
            {
                var (loss, inputs) = configurations[c][r];
                board.TryAdd(new LeaderboardEntry(2 * c + r, [], new TrialResult($"s-{c}-r{r}", TrialStatus.Completed, null,
                    new TrialMetrics(loss, 0.5, loss, 2.5, 0.25, 0.125, [0.25], inputs, 100, 3, 2, 1, 100), []), r));
            }
        }

        // when ranked
        var rows = board.Ranked();

        // then both are on the front: (0.35, 3.5) and (0.30, 4) trade off; rounded, B would dominate A
        Assert.Equal([1, 1], rows.Select(r => r.Pareto!.Front));
    }

    public void Dispose()
    {
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
