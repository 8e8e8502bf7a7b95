using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// The leaderboard's total order. Completed trials with metrics, and trials a scheduler stopped early (by the best
/// value they reported; their epochs_run says how far they got), come first, best metric first (goal-aware);
/// ties go to higher sparsity, then fewer parameters, then lower trial index, then trial id. All other
/// trials (diverged, failed, interrupted) follow unranked, by status then index: they stay visible
/// without competing with real results.
/// </summary>
public sealed class LeaderboardRanking : IComparer<LeaderboardEntry>
{
    private readonly MetricInfo info;

    public LeaderboardRanking(MetricSpec metric)
    {
        info = MetricTable.Find(metric.Name)
            ?? throw new ArgumentException($"unknown metric '{metric.Name}'; expected one of {string.Join(", ", Metrics)}", nameof(metric));
        Metric = metric;
    }

    public MetricSpec Metric { get; }

    public static IReadOnlyList<string> Metrics { get; } = [.. MetricTable.All.Select(m => m.Name)];

    /// <summary>The metric's value; NaN where the trial has none (which ranks after every number).</summary>
    public static double MetricValue(TrialMetrics metrics, string name) => MetricTable.Get(name).OfTrial(metrics) ?? double.NaN;

    public static bool IsRankable(LeaderboardEntry entry) =>
        entry.Result.Status is TrialStatus.Completed or TrialStatus.StoppedEarly && entry.Result.Metrics is not null;

    /// <summary>Sorts <paramref name="entries"/> and numbers the rankable ones 1, 2, 3, …</summary>
    public IReadOnlyList<RankedEntry> Rank(IEnumerable<LeaderboardEntry> entries) => Number(entries.Order(this));

    /// <summary>Numbers entries that are already in this ranking's order.</summary>
    public static IReadOnlyList<RankedEntry> Number(IEnumerable<LeaderboardEntry> ordered)
    {
        var rows = new List<RankedEntry>();
        var rank = 0;
        foreach (var entry in ordered)
        {
            rows.Add(new RankedEntry(IsRankable(entry) ? ++rank : null, entry));
        }
        return rows;
    }

    public int Compare(LeaderboardEntry? x, LeaderboardEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var byGroup = IsRankable(y).CompareTo(IsRankable(x));
        if (byGroup != 0)
        {
            return byGroup;
        }
        var byResult = IsRankable(x) ? CompareMetrics(x.Result.Metrics!, y.Result.Metrics!) : x.Result.Status.CompareTo(y.Result.Status);
        if (byResult != 0)
        {
            return byResult;
        }
        var byIndex = x.Index.CompareTo(y.Index);
        return byIndex != 0 ? byIndex : string.CompareOrdinal(x.TrialId, y.TrialId);
    }

    private int CompareMetrics(TrialMetrics x, TrialMetrics y)
    {
        var byMetric = CompareGoal(info.OfTrial(x) ?? double.NaN, info.OfTrial(y) ?? double.NaN, Metric.Goal);
        if (byMetric != 0)
        {
            return byMetric;
        }
        var bySparsity = CompareGoal(x.Sparsity, y.Sparsity, MetricGoal.Maximize);
        return bySparsity != 0 ? bySparsity : x.Parameters.CompareTo(y.Parameters);
    }

    // NaN is never better than a number, whatever the goal.
    private static int CompareGoal(double x, double y, MetricGoal goal)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x).CompareTo(double.IsNaN(y));
        }
        return goal == MetricGoal.Minimize ? x.CompareTo(y) : y.CompareTo(x);
    }
}
