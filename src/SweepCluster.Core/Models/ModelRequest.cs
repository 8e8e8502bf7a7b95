using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Models;

/// <summary>
/// The coordinator's word, sent with an assignment, on whether the worker sends the trained network back with the
/// result: only a result whose ranking value (<see cref="RankingLoss"/>) is at most <paramref name="Beat"/> may enter the
/// top K kept models; null <paramref name="Beat"/> while fewer than K are held. This keeps a sweep of 10⁵ trials from
/// shipping 10⁵ models. The bar only tightens, so a model it turns away could never have entered the top K later.
/// </summary>
public sealed record ModelRequest(MetricSpec Metric, double? Beat)
{
    public bool Wants(TrialResult result) =>
        RankingLoss(result, Metric) is { } loss && (Beat is not { } beat || loss <= beat);

    /// <summary>The value the leaderboard ranks a result by, as a loss (negated when the goal is to maximise); null when it is not ranked.</summary>
    public static double? RankingLoss(TrialResult result, MetricSpec metric)
    {
        if (result.Status is not (TrialStatus.Completed or TrialStatus.StoppedEarly) || result.Metrics is not { } metrics)
        {
            return null;
        }
        var value = LeaderboardRanking.MetricValue(metrics, metric.Name);
        return double.IsNaN(value) ? null : metric.Goal == MetricGoal.Maximize ? -value : value;
    }
}
