using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Search;

/// <summary>
/// A trial's result as the loss a search method minimises: the sweep metric, negated when the goal is to maximise.
/// A completed trial gives its metric; a trial stopped early by a scheduler gives its last reported value (its
/// curve was cut, so its best epoch says less than a finished trial's); failed, diverged and interrupted trials
/// are bad observations (null).
/// </summary>
public static class ObservedLoss
{
    public static double? Of(TrialResult result, MetricSpec metric)
    {
        var value = result.Status switch
        {
            TrialStatus.Completed when result.Metrics is { } metrics => LeaderboardRanking.MetricValue(metrics, metric.Name),
            TrialStatus.StoppedEarly when result.History.Count > 0 => EpochMetric.Value(result.History[^1], metric.Name),
            TrialStatus.StoppedEarly when result.Metrics is { } metrics => LeaderboardRanking.MetricValue(metrics, metric.Name),
            _ => (double?)null,
        };
        return value is { } v && double.IsFinite(v) ? (metric.Goal == MetricGoal.Maximize ? -v : v) : null;
    }

    /// <summary>
    /// The losses of a sweep with several objectives, in their order, each minimised (a maximised metric negated); null
    /// when any objective has no finite value, since a search cannot place a trial it knows only in part.
    /// </summary>
    public static IReadOnlyList<double>? Of(TrialResult result, IReadOnlyList<MetricSpec> objectives)
    {
        var losses = new double[objectives.Count];
        for (var k = 0; k < losses.Length; k++)
        {
            if (Of(result, objectives[k]) is not { } loss)
            {
                return null;
            }
            losses[k] = loss;
        }
        return losses;
    }
}
