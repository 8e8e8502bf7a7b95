namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The assignments sent and not yet acknowledged, per worker (a worker holds one assignment, a trial or a pack, at a time).
/// A worker acknowledges an assignment as soon as it starts it; one that has not within <see cref="Duration"/> is due: it gets
/// the same message again, up to <see cref="MaxSends"/> sends in all, and after that its trials go back to the queue. So a
/// message lost on the way (a dropped connection, a frame the transport refused) costs a few seconds, never a hang.
/// Plain and clock-driven (the caller passes the time), so it is tested without an actor system.
/// </summary>
/// <typeparam name="TWorker">The worker's handle (an actor reference in the coordinator).</typeparam>
public sealed class AssignmentLeases<TWorker>(TimeSpan lease, int maxSends = 3) where TWorker : notnull
{
    private readonly Dictionary<TWorker, OpenLease> open = [];

    public TimeSpan Duration { get; } = lease;

    public int MaxSends { get; } = Math.Max(1, maxSends);

    public int Count => open.Count;

    /// <summary>An assignment to <paramref name="worker"/> was just sent (replacing any earlier one it had).</summary>
    public void Sent(TWorker worker, object message, DateTimeOffset now) => open[worker] = new OpenLease(message, now + Duration, 1);

    /// <summary>The worker started its assignment; true when one was open.</summary>
    public bool Acknowledge(TWorker worker) => open.Remove(worker);

    /// <summary>The worker holds nothing any more (finished, handed back, gone).</summary>
    public void Forget(TWorker worker) => open.Remove(worker);

    /// <summary>
    /// The leases past their deadline at <paramref name="now"/>: those with sends left are renewed (send the message again),
    /// the others are closed (put the trials back).
    /// </summary>
    public IReadOnlyList<LeaseExpiry<TWorker>> Expire(DateTimeOffset now)
    {
        var due = open.Where(entry => entry.Value.Deadline <= now).ToList();
        var expired = new List<LeaseExpiry<TWorker>>(due.Count);
        foreach (var (worker, lease) in due)
        {
            var resend = lease.Sends < MaxSends;
            if (resend)
            {
                open[worker] = lease with { Deadline = now + Duration, Sends = lease.Sends + 1 };
            }
            else
            {
                open.Remove(worker);
            }
            expired.Add(new LeaseExpiry<TWorker>(worker, lease.Message, resend ? lease.Sends + 1 : lease.Sends, resend));
        }
        return expired;
    }

    private sealed record OpenLease(object Message, DateTimeOffset Deadline, int Sends);
}
