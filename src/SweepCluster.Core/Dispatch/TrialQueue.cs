namespace SweepCluster.Core.Dispatch;

/// <summary>
/// Which trial to hand out next, without materialising trials: a cursor over the sweep's indices in the
/// <see cref="DispatchPlan"/>'s order plus a queue of indices put back (a dead worker's trial, a failed trial to retry),
/// which go first. Settled indices (finished or failed for good) are skipped wherever they are found. It also keeps the
/// estimated cost of the trials still waiting (neither handed out nor settled), which a pack's fair share is measured in.
/// </summary>
public sealed class TrialQueue
{
    private readonly LinkedList<long> putBack = new();
    private readonly DispatchPlan plan;
    private readonly IndexSet handedOut = new();
    private readonly IndexSet settled = new();
    private long next;

    public TrialQueue(long total, DispatchPlan? plan = null)
    {
        Total = total;
        this.plan = plan ?? DispatchPlan.Uniform;
        WaitingCost = this.plan.Costs?.Sum() ?? total;
    }

    public long Total { get; }

    public long SettledCount => settled.Count;

    public bool AllSettled => settled.Count >= Total;

    /// <summary>The estimated cost of the trials neither handed out nor settled (with a uniform plan: their number).</summary>
    public double WaitingCost { get; private set; }

    public double CostOf(long index) => plan.CostOf(index);

    public bool IsSettled(long index) => settled.Contains(index);

    /// <summary>Records a trial as settled; false when it already was.</summary>
    public bool Settle(long index)
    {
        if (!settled.Add(index))
        {
            return false;
        }
        if (!handedOut.Remove(index))
        {
            WaitingCost -= CostOf(index);
        }
        return true;
    }

    /// <summary>Puts a handed-out trial back at the front; a settled one, or one not handed out, is already where it belongs.</summary>
    public void PutBackFirst(long index)
    {
        if (settled.Contains(index) || !handedOut.Remove(index))
        {
            return;
        }
        putBack.AddFirst(index);
        WaitingCost += CostOf(index);
    }

    public bool TryTake(out long index)
    {
        while (putBack.First is { } first)
        {
            putBack.RemoveFirst();
            if (!settled.Contains(first.Value))
            {
                return HandOut(index = first.Value);
            }
        }
        while (next < Total)
        {
            index = plan.IndexAt(next++);
            if (!settled.Contains(index))
            {
                return HandOut(index);
            }
        }
        index = -1;
        return false;
    }

    private bool HandOut(long index)
    {
        handedOut.Add(index);
        WaitingCost -= CostOf(index);
        return true;
    }
}
