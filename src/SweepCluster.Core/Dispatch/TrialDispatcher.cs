using SweepCluster.Core.Packing;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// Draws the next trial or pack for a worker that asks: trials come off the <see cref="TrialQueue"/> (put-back ones first,
/// then in the dispatch plan's order), the <see cref="PackPlanner"/> groups compatible ones, and a pack is no larger than
/// the asking worker's fair share of the work not yet handed out (<see cref="PackShare"/>) nor than the worker's own
/// limit for that kind of trial.
/// </summary>
public sealed class TrialDispatcher(TrialQueue queue, PackShare share)
{
    private readonly PackPlanner planner = new();

    /// <summary>
    /// The next pack (empty when nothing is left to hand out) for a worker taking up to <paramref name="maxPack"/> trials at
    /// once, among <paramref name="workers"/> registered workers and <paramref name="nodeSlots"/> slots on its node.
    /// <paramref name="generate"/> makes a trial of an index, or null when it cannot (the trial is then skipped).
    /// </summary>
    public IReadOnlyList<TrialSpec> NextPack(int maxPack, int workers, int nodeSlots, IReadOnlyDictionary<string, int>? packLimits, Func<long, TrialSpec?> generate) =>
        planner.Next(FairShare(maxPack, workers, nodeSlots), key => LimitOf(packLimits, key), () => Draw(generate), queue.IsSettled);

    /// <summary>The largest pack per first trial: one trial for a worker that does not pack, else its share of what is left.</summary>
    public Func<TrialSpec, int> FairShare(int maxPack, int workers, int nodeSlots)
    {
        if (maxPack <= 1)
        {
            return _ => 1;
        }
        var sharers = Math.Max(1, Math.Max(workers, nodeSlots));
        return share.MaxPackSize(queue.WaitingCost, planner.HeldTrials, sharers, maxPack);
    }

    // A kind of trial the worker has not sized yet goes alone: the worker sizes it while training it (its calibration)
    // and tells its limit with its next requests, so a pack is never offered larger than the worker will keep.
    public static int LimitOf(IReadOnlyDictionary<string, int>? packLimits, PackKey key) =>
        packLimits is { } limits && limits.TryGetValue(PackLimitKey.Of(key), out var limit) ? limit : 1;

    private TrialSpec? Draw(Func<long, TrialSpec?> generate)
    {
        while (queue.TryTake(out var index))
        {
            if (generate(index) is { } trial)
            {
                share.Generated(trial);
                return trial;
            }
        }
        return null;
    }
}
