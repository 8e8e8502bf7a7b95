using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Results;

public sealed class LeaderboardRankingTests
{
    [Fact]
    public void Minimize_goal_ranks_lowest_metric_first()
    {
        // given three completed trials
        var ranking = new LeaderboardRanking(new MetricSpec("val_loss", MetricGoal.Minimize));
        var entries = new[] { Entries.Completed(0, 0.3), Entries.Completed(1, 0.1), Entries.Completed(2, 0.2) };

        // when ranked
        var rows = ranking.Rank(entries);

        // then lowest val_loss is first, numbered 1..3
        Assert.Equal(["s-1", "s-2", "s-0"], rows.Select(r => r.Entry.TrialId));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank ?? 0));
    }

    [Fact]
    public void Maximize_goal_ranks_highest_metric_first()
    {
        var ranking = new LeaderboardRanking(new MetricSpec("val_accuracy", MetricGoal.Maximize));
        var rows = ranking.Rank([Entries.Completed(0, 1, valAccuracy: 0.7), Entries.Completed(1, 1, valAccuracy: 0.9)]);
        Assert.Equal(["s-1", "s-0"], rows.Select(r => r.Entry.TrialId));
    }

    [Fact]
    public void Ties_go_to_higher_sparsity_then_fewer_parameters_then_trial_index()
    {
        // given four trials with the same val_loss
        var ranking = new LeaderboardRanking(MetricSpec.Default);
        var entries = new[]
        {
            Entries.Completed(3, 0.2, sparsity: 0.5, parameters: 100),
            Entries.Completed(2, 0.2, sparsity: 0.5, parameters: 100),
            Entries.Completed(1, 0.2, sparsity: 0.5, parameters: 50),
            Entries.Completed(0, 0.2, sparsity: 0.9, parameters: 500),
        };

        // when ranked, then sparsity wins, then size, then index
        Assert.Equal(["s-0", "s-1", "s-2", "s-3"], ranking.Rank(entries).Select(r => r.Entry.TrialId));
    }

    [Fact]
    public void Trials_without_a_completed_result_are_listed_unranked_after_the_ranked_ones()
    {
        var ranking = new LeaderboardRanking(MetricSpec.Default);
        var rows = ranking.Rank([Entries.Ended(0, TrialStatus.Failed, "boom"), Entries.Completed(1, 5), Entries.Ended(2, TrialStatus.Diverged, "nan")]);
        Assert.Equal(["s-1", "s-2", "s-0"], rows.Select(r => r.Entry.TrialId));
        Assert.Equal([1, 0, 0], rows.Select(r => r.Rank ?? 0));
    }

    [Fact]
    public void Unknown_metric_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LeaderboardRanking(new MetricSpec("f1", MetricGoal.Maximize)));
    }

    [Fact]
    public void Leaderboard_refuses_a_second_result_for_the_same_trial()
    {
        var board = new Leaderboard(MetricSpec.Default);
        Assert.True(board.TryAdd(Entries.Completed(0, 0.5)));
        Assert.False(board.TryAdd(Entries.Completed(0, 0.1)));
        Assert.Equal(0.5, board.Ranked().Single().Entry.Result.Metrics!.ValLoss);
    }
}
