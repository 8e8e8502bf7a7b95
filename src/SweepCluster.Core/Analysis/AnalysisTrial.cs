using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Analysis;

/// <summary>
/// A ranked trial as the analysis needs it: its swept values (the leaderboards' texts, e.g. <c>1.5e-03</c>,
/// <c>[64, 32]</c>) and its value of the sweep's metric (finite).
/// </summary>
public sealed record AnalysisTrial(string TrialId, IReadOnlyList<SweptValue> Values, double Metric)
{
    /// <summary>The text of a parameter's value, or "" when this trial does not sweep it.</summary>
    public string Text(string parameter)
    {
        foreach (var value in Values)
        {
            if (value.Name == parameter)
            {
                return value.Text;
            }
        }
        return "";
    }

    /// <summary>
    /// The leaderboard's ranked rows (completed and stopped_early, see <see cref="LeaderboardRanking.IsRankable"/>) whose
    /// metric is a finite number, in rank order.
    /// </summary>
    public static IReadOnlyList<AnalysisTrial> FromLeaderboard(IEnumerable<RankedEntry> rows, MetricSpec metric) =>
    [
        .. rows
            .Where(row => row.Rank is not null && LeaderboardRanking.IsRankable(row.Entry))
            .Select(row => (row.Entry, Value: LeaderboardRanking.MetricValue(row.Entry.Result.Metrics!, metric.Name)))
            .Where(pair => double.IsFinite(pair.Value))
            .Select(pair => new AnalysisTrial(pair.Entry.TrialId, pair.Entry.SweptValues, pair.Value)),
    ];
}
