namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Which trial to hand out next, without materialising trials: a counter over the sweep's indices plus a
/// queue of indices put back (a dead worker's trial, a failed trial to retry), which go first. Settled
/// indices (finished or failed for good) are skipped wherever they are found.
/// </summary>
internal sealed class TrialQueue(long total)
{
    private readonly LinkedList<long> putBack = new();
    private long next;

    public long Total { get; } = total;

    public IndexSet Settled { get; } = new();

    public bool AllSettled => Settled.Count >= Total;

    /// <summary>Indices not handed out yet: the put-back ones (some may have settled meanwhile) and those never taken.</summary>
    public long Remaining => putBack.Count + (Total - next);

    public void PutBackFirst(long index) => putBack.AddFirst(index);

    public bool TryTake(out long index)
    {
        while (putBack.First is { } first)
        {
            putBack.RemoveFirst();
            if (!Settled.Contains(first.Value))
            {
                index = first.Value;
                return true;
            }
        }
        while (next < Total)
        {
            index = next++;
            if (!Settled.Contains(index))
            {
                return true;
            }
        }
        index = -1;
        return false;
    }
}
