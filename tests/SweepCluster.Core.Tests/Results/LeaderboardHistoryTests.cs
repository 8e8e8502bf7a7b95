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

    [Fact]
    public void Entries_share_one_string_per_input_name()
    {
        // given two trials whose results name the same inputs with strings of their own (as each arrives deserialized)
        var board = new Leaderboard(MetricSpec.Default);
        var first = Entries.Completed(0, 0.5);
        var second = Entries.Completed(1, 0.4);
        second = second with
        {
            Result = second.Result with { Metrics = second.Result.Metrics! with { ActiveInputNames = [.. first.Result.Metrics!.ActiveInputNames!.Select(n => new string(n.ToCharArray()))] } },
        };
        Assert.NotSame(first.Result.Metrics.ActiveInputNames![0], second.Result.Metrics!.ActiveInputNames![0]);

        // when both are added
        board.TryAdd(first);
        board.TryAdd(second);

        // then they hold the same names, as the same string instances
        var names = board.Ranked().Select(r => r.Entry.Result.Metrics!.ActiveInputNames!).ToList();
        Assert.Equal(names[0], names[1]);
        Assert.All(names[0].Zip(names[1]), pair => Assert.Same(pair.First, pair.Second));
    }
}
