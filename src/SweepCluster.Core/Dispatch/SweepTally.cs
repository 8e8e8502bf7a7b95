using SweepCluster.Core.Results;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// The coordinator's counts of a sweep: settled trials by status, and the failed attempts of trials not settled yet.
/// A trial counts once: settling it again (a late duplicate, a result adopted from results.jsonl twice) changes nothing.
/// </summary>
public sealed class SweepTally(TrialQueue queue)
{
    private readonly Dictionary<long, int> failedAttempts = [];

    /// <summary>Settled trials that did not fail (including interrupted and stopped-early ones).</summary>
    public long Done { get; private set; }

    public long Failed { get; private set; }

    public long Interrupted { get; private set; }

    public long StoppedEarly { get; private set; }

    /// <summary>Trials settled so far, whatever their status.</summary>
    public long Settled => queue.SettledCount;

    public bool IsSettled(long index) => queue.IsSettled(index);

    /// <summary>The failed attempts so far of a trial not yet settled (0 when none).</summary>
    public int AttemptsOf(long index) => failedAttempts.GetValueOrDefault(index);

    /// <summary>Attempt <paramref name="attempt"/> of the trial failed and it will be retried (or replayed from the journal).</summary>
    public void AttemptFailed(long index, int attempt) => failedAttempts[index] = attempt;

    /// <summary>Settles the trial in the queue and counts it; false when it was settled already.</summary>
    public bool MarkSettled(long index, TrialStatus status)
    {
        if (!queue.Settle(index))
        {
            return false;
        }
        failedAttempts.Remove(index);
        var failure = status == TrialStatus.Failed;
        Failed += failure ? 1 : 0;
        Done += failure ? 0 : 1;
        Interrupted += status == TrialStatus.Interrupted ? 1 : 0;
        StoppedEarly += status == TrialStatus.StoppedEarly ? 1 : 0;
        return true;
    }

    /// <summary>Trials neither settled nor held by a worker, given how many workers hold now.</summary>
    public long Queued(long running) => queue.Total - Done - Failed - running;
}
