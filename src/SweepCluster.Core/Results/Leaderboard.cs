using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// A sweep's results kept in rank order as they arrive. The first result of a trial wins; a later one for
/// the same trial id is refused, so a re-run trial never appears twice. Not thread-safe (one owner).
/// </summary>
public sealed class Leaderboard
{
    private readonly SortedSet<LeaderboardEntry> ordered;
    private readonly HashSet<string> trialIds = [];

    public Leaderboard(MetricSpec metric)
    {
        Ranking = new LeaderboardRanking(metric);
        ordered = new SortedSet<LeaderboardEntry>(Ranking);
    }

    public LeaderboardRanking Ranking { get; }

    public int Count => ordered.Count;

    /// <summary>Adds the entry unless its trial already has one; true when added.</summary>
    public bool TryAdd(LeaderboardEntry entry)
    {
        if (!trialIds.Add(entry.TrialId))
        {
            return false;
        }
        ordered.Add(entry);
        return true;
    }

    public bool Contains(string trialId) => trialIds.Contains(trialId);

    public IReadOnlyList<RankedEntry> Ranked() => LeaderboardRanking.Number(ordered);
}
