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

    /// <summary>
    /// The plan: longest first where the order may change, else index order with each generated trial's estimate (so that
    /// an adaptive search's packs still take a fair share of the work, not of the trial count).
    /// </summary>
    public static DispatchPlan Plan(ITrialSource source, int inputs, int outputs, int trainingRows)
    {
        double Estimate(TrialSpec trial) => TrialCost.Of(trial, inputs, outputs, trainingRows);
        var inIndexOrder = new DispatchPlan(null, null, Estimate);
        if (source.Adaptive || source.Count is < 2 or > MaxTrials || source.NewScheduler() is not null)
        {
            return inIndexOrder;
        }
        var costs = new double[source.Count];
        for (var index = 0; index < costs.Length; index++)
        {
            costs[index] = Estimate(source.TrialAt(index));
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
