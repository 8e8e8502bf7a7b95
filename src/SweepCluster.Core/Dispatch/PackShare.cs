using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// How many trials a pack may hold: its worker's fair share of the work not yet handed out, measured in estimated cost,
/// so that one slot taking a large pack never leaves the others idle at the start or the end of a sweep (a pack of the
/// last large trials on one slot while another idles is a loss, however fast the pack). A pack's trials share a shape,
/// so a cost: the pack may add up to the share, rounded up to a whole trial. Where every trial is known in advance the
/// queue holds their costs; for an adaptive search, whose trials exist only once generated, the trials not yet
/// generated are taken to cost the mean of those generated so far. Without estimates every trial costs 1 and the share
/// is a count of trials.
/// </summary>
public sealed class PackShare(DispatchPlan plan)
{
    private double generatedCost;
    private long generated;

    public double CostOf(TrialSpec trial) => plan.CostOf(trial);

    /// <summary>Counts a trial the coordinator generated, for the mean that stands in for trials not generated yet.</summary>
    public void Generated(TrialSpec trial)
    {
        generatedCost += CostOf(trial);
        generated++;
    }

    /// <summary>The largest pack for each possible anchor.</summary>
    /// <param name="queued">The queue's <see cref="TrialQueue.WaitingCost"/>: a cost where the plan knows every trial, else a count.</param>
    /// <param name="held">Trials drawn from the queue and held for a later pack (their costs are known).</param>
    /// <param name="sharers">The worker slots that share the work.</param>
    /// <param name="maxPack">The most trials the worker takes at once.</param>
    public Func<TrialSpec, int> MaxPackSize(double queued, IEnumerable<TrialSpec> held, int sharers, int maxPack)
    {
        var heldCost = held.Sum(CostOf);
        return anchor =>
        {
            var waiting = (plan.Costs is not null ? queued : queued * MeanCost(anchor)) + heldCost;
            return (int)Math.Clamp(Math.Ceiling(waiting / (Math.Max(1, sharers) * CostOf(anchor)) - 1e-9), 1, Math.Max(1, maxPack));
        };
    }

    private double MeanCost(TrialSpec anchor) => generated > 0 ? generatedCost / generated : CostOf(anchor);
}
