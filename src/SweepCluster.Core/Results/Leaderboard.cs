using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// A sweep's results kept in rank order as they arrive. The first result of a trial wins; a later one for
/// the same trial id is refused, so a re-run trial never appears twice. Only the <see cref="HistoryKept"/> leading
/// entries keep their per-epoch history (the report draws the learning curves of the top few); the others keep
/// their metrics, so that memory per trial stays small and flat at 10⁵ trials (results.jsonl has every history).
/// An entry never climbs the ranking once added, so one that is not among the leaders when it arrives never needs its
/// history again. The active input names of all entries share one string per name (each result arrives with its own
/// copies, and 10⁵ trials of 40 names would hold 4·10⁶ strings). With <c>repeats</c> above 1 the ranked rows are
/// configurations (<see cref="ConfigurationRows"/>), and <see cref="RankedTrials"/> still lists the trials. With several
/// objectives the sorted set keeps the first objective's order (which entries keep their history), and the rows are
/// re-ranked by Pareto front when asked for (<see cref="ParetoRanking"/>). Not thread-safe (one owner).
/// </summary>
public sealed class Leaderboard
{
    public const int HistoryKept = 10;

    private readonly SortedSet<LeaderboardEntry> ordered;
    private readonly SortedSet<LeaderboardEntry> withHistory;
    private readonly HashSet<string> trialIds = [];
    private readonly Dictionary<string, string> inputNames = new(StringComparer.Ordinal);

    public Leaderboard(MetricSpec metric, int repeats = 1)
        : this([metric], repeats)
    {
    }

    /// <param name="objectives">The sweep's objectives (<see cref="SweepDefinition.Objectives"/>); more than one ranks by Pareto front.</param>
    public Leaderboard(IReadOnlyList<MetricSpec> objectives, int repeats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectives.Count, 1);
        Repeats = repeats;
        Ranking = new LeaderboardRanking(objectives[0]);
        Pareto = objectives.Count > 1 ? new ParetoRanking(objectives) : null;
        ordered = new SortedSet<LeaderboardEntry>(Ranking);
        withHistory = new SortedSet<LeaderboardEntry>(Ranking);
    }

    public LeaderboardRanking Ranking { get; }

    /// <summary>The ranking by several objectives; null with one.</summary>
    public ParetoRanking? Pareto { get; }

    /// <summary>How many trials each configuration has (1: every row is a trial).</summary>
    public int Repeats { get; }

    public int Count => ordered.Count;

    /// <summary>Adds the entry unless its trial already has one; true when added.</summary>
    public bool TryAdd(LeaderboardEntry entry)
    {
        if (!trialIds.Add(entry.TrialId))
        {
            return false;
        }
        entry = WithSharedNames(entry);
        if (entry.Result.History.Count == 0)
        {
            ordered.Add(entry);
            return true;
        }
        if (withHistory.Count < HistoryKept || Ranking.Compare(entry, withHistory.Max) < 0)
        {
            ordered.Add(entry);
            withHistory.Add(entry);
            if (withHistory.Count > HistoryKept)
            {
                ForgetHistory(withHistory.Max!);
            }
        }
        else
        {
            ordered.Add(WithoutHistory(entry));
        }
        return true;
    }

    private void ForgetHistory(LeaderboardEntry entry)
    {
        withHistory.Remove(entry);
        ordered.Remove(entry);
        ordered.Add(WithoutHistory(entry));
    }

    private LeaderboardEntry WithSharedNames(LeaderboardEntry entry)
    {
        if (entry.Result.Metrics is not { ActiveInputNames: { Count: > 0 } names } metrics)
        {
            return entry;
        }
        var shared = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!inputNames.TryGetValue(names[i], out var name))
            {
                name = names[i];
                inputNames[name] = name;
            }
            shared[i] = name;
        }
        return entry with { Result = entry.Result with { Metrics = metrics with { ActiveInputNames = shared } } };
    }

    private static LeaderboardEntry WithoutHistory(LeaderboardEntry entry) => entry with { Result = entry.Result with { History = [] } };

    public bool Contains(string trialId) => trialIds.Contains(trialId);

    /// <summary>The leaderboard's rows: the trials in rank order, or with repeats the configurations ranked by their means.</summary>
    public IReadOnlyList<RankedEntry> Ranked() => Repeats == 1 ? RankedTrials() : ByObjectives(ConfigurationRows.Rank(ordered, Ranking, Repeats));

    /// <summary>Every trial in rank order, whatever the repeats.</summary>
    public IReadOnlyList<RankedEntry> RankedTrials() => ByObjectives(LeaderboardRanking.Number(ordered));

    private IReadOnlyList<RankedEntry> ByObjectives(IReadOnlyList<RankedEntry> rows) => Pareto?.Rank(rows) ?? rows;
}
