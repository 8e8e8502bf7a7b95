using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Results;

public class LeaderboardHistoryTests
{
    [Fact]
    public void Only_the_leading_entries_keep_their_epoch_history_whatever_the_order_they_arrive_in()
    {
        // given 40 completed trials, each with an epoch history, arriving in a shuffled order
        var board = new Leaderboard(MetricSpec.Default);
        var order = Enumerable.Range(0, 40).OrderBy(i => (i * 17) % 40).ToList();

        // when they are added
        foreach (var i in order)
        {
            Assert.True(board.TryAdd(Entries.Completed(i, valLoss: 1.0 + i)));
        }

        // then all 40 are ranked, the best HistoryKept keep their history and the rest keep only their metrics
        var ranked = board.Ranked();
        Assert.Equal(40, ranked.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"s-{i}"), ranked.Select(r => r.Entry.TrialId));
        Assert.All(ranked.Take(Leaderboard.HistoryKept), r => Assert.NotEmpty(r.Entry.Result.History));
        Assert.All(ranked.Skip(Leaderboard.HistoryKept), r => Assert.Empty(r.Entry.Result.History));
        Assert.All(ranked, r => Assert.NotNull(r.Entry.Result.Metrics));
    }
}
