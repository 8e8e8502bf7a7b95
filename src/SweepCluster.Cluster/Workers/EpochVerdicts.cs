using System.Collections.Concurrent;

namespace SweepCluster.Cluster.Workers;

/// <summary>
/// Where the training thread of one assignment waits for the coordinator's word at a trial's decision epochs (the
/// scheduler's rungs), and where the worker actor posts that word when it arrives. Either side may come first. At any
/// other epoch the trial goes on without waiting. <see cref="OpenAll"/> (the coordinator is gone) lets every wait,
/// present and future, go on: training never hangs on a coordinator that cannot answer. A cancelled assignment (the
/// sweep stops, the node leaves) ends the wait with "go on", so that the trainer itself sees the cancellation at its
/// next step and ends the trials as interrupted with the epochs they have. A verdict that has not come after
/// <c>resendAfter</c> is asked for again (<c>onOverdue</c>: the worker re-sends the epoch's report; the scheduler gives a
/// repeated report its first decision), so a message lost with a failing connection or a proxy's full buffer delays a
/// trial instead of hanging it.
/// </summary>
internal sealed class EpochVerdicts(
    IReadOnlyList<IReadOnlySet<int>> decisionEpochs,
    TimeSpan resendAfter,
    Action<int, int> onOverdue,
    CancellationToken cancellation)
{
    private readonly ConcurrentDictionary<(int Position, int Epoch), TaskCompletionSource<EpochVerdict>> verdicts = new();
    private readonly ConcurrentDictionary<int, string> stopReasons = new();
    private volatile bool open;

    public bool Gated => decisionEpochs.Any(epochs => epochs.Count > 0);

    /// <summary>The <see cref="Core.Trials.TrialGate"/>: true when the trial at <paramref name="position"/> goes on after <paramref name="epoch"/>.</summary>
    public bool GoOn(int position, int epoch)
    {
        if (open || !decisionEpochs[position].Contains(epoch))
        {
            return true;
        }
        var slot = Slot(position, epoch).Task;
        try
        {
            // OpenAll may have run between the check above and the slot's creation: it sets the flag first.
            while (!open && !slot.Wait(resendAfter, cancellation))
            {
                onOverdue(position, epoch);
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        if (!slot.IsCompleted)
        {
            return true;
        }
        var verdict = slot.Result;
        if (verdict.Stop)
        {
            stopReasons[position] = verdict.Reason ?? $"stopped early after epoch {epoch}";
        }
        return !verdict.Stop;
    }

    public void Post(int position, int epoch, bool stop, string? reason) =>
        Slot(position, epoch).TrySetResult(new EpochVerdict(stop, reason));

    public void OpenAll()
    {
        open = true;
        foreach (var slot in verdicts.Values)
        {
            slot.TrySetResult(new EpochVerdict(false, null));
        }
    }

    /// <summary>The scheduler's reason for stopping the trial at <paramref name="position"/>, if it was stopped.</summary>
    public string? StopReason(int position) => stopReasons.GetValueOrDefault(position);

    private TaskCompletionSource<EpochVerdict> Slot(int position, int epoch) =>
        verdicts.GetOrAdd((position, epoch), _ => new TaskCompletionSource<EpochVerdict>(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed record EpochVerdict(bool Stop, string? Reason);
}
