using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// Longest-processing-time-first: the most expensive trials are handed out first, so that a sweep does not end with
/// one slot training a large model while the others wait. Only for a sweep that knows every trial in advance (grid,
/// random, sobol) and has no scheduler: an adaptive search or a scheduler keeps index order. Ties keep index order, and
/// a sweep whose trials all cost the same keeps index order entirely. Trials themselves do not change: the same file
/// gives the same trials and results; only their order on the workers does.
/// </summary>
public static class LongestFirst
{
    /// <summary>Above this many trials the order stays as it is: estimating each would cost more start-up than it saves.</summary>
    public const long MaxTrials = 100_000;

    public static DispatchPlan Plan(ITrialSource source, int inputs, int outputs, int trainingRows)
    {
        if (source.Adaptive || source.Count is < 2 or > MaxTrials || source.NewScheduler() is not null)
        {
            return DispatchPlan.Uniform;
        }
        var costs = new double[source.Count];
        for (var index = 0; index < costs.Length; index++)
        {
            costs[index] = TrialCost.Of(source.TrialAt(index), inputs, outputs, trainingRows);
        }
        if (costs.All(cost => cost == costs[0]))
        {
            return DispatchPlan.Uniform;
        }
        // OrderByDescending is a stable sort: equal costs keep index order.
        var order = Enumerable.Range(0, costs.Length).Select(i => (long)i).OrderByDescending(i => costs[i]).ToArray();
        return new DispatchPlan(order, costs);
    }
}
