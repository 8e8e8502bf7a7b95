using SweepCluster.Core.Dispatch;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// When a sweep is over and who waits for it: it completes once every trial is settled, or once it is stopping and no
/// worker holds a trial; then its <see cref="Summary"/> is fixed and the waiters are told, once. Plain, so it is tested
/// without an actor system.
/// </summary>
/// <typeparam name="TWaiter">Who waits for the summary (an actor reference in the coordinator).</typeparam>
public sealed class SweepCompletion<TWaiter>(string sweepId, TrialQueue queue, SweepTally tally)
{
    private readonly List<TWaiter> waiters = [];

    /// <summary>True once the sweep was asked to stop: nothing new is handed out, and a failed trial is not retried.</summary>
    public bool Stopping { get; private set; }

    /// <summary>How the sweep ended; null until it has.</summary>
    public SweepSummary? Summary { get; private set; }

    public void Stop() => Stopping = true;

    /// <summary>The summary when the sweep is over; else null, and <paramref name="waiter"/> is told with the others later.</summary>
    public SweepSummary? Await(TWaiter waiter)
    {
        if (Summary is null)
        {
            waiters.Add(waiter);
        }
        return Summary;
    }

    /// <summary>
    /// Completes the sweep if it is settled (<paramref name="nothingHeld"/>: no worker holds a trial) and has not completed
    /// yet: the waiters to tell <see cref="Summary"/>; null when it does not complete now.
    /// </summary>
    public IReadOnlyList<TWaiter>? TryComplete(bool nothingHeld)
    {
        if (Summary is not null || !(queue.AllSettled || (Stopping && nothingHeld)))
        {
            return null;
        }
        Summary = new SweepSummary(sweepId, queue.Total, tally.Done, tally.Failed, tally.Interrupted, queue.Total - queue.SettledCount, Stopping, tally.StoppedEarly);
        var told = waiters.ToList();
        waiters.Clear();
        return told;
    }

    /// <summary>The sweep's progress with <paramref name="running"/> trials held by workers.</summary>
    public SweepStatus Status(long running) =>
        new(sweepId, queue.Total, tally.Done, running, tally.Queued(running), tally.Failed, Stopping);
}
