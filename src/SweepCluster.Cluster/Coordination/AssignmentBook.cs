namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Who holds which trials: each worker's current assignment (one trial or a pack), with its lease
/// (<see cref="AssignmentLeases{TWorker}"/>). Releasing a worker's last trial closes its lease too.
/// Plain and clock-driven (the caller passes the time), so it is tested without an actor system.
/// </summary>
/// <typeparam name="TWorker">The worker's handle (an actor reference in the coordinator).</typeparam>
/// <typeparam name="THeld">One held trial (in the coordinator: the spec, attempt and worker).</typeparam>
public sealed class AssignmentBook<TWorker, THeld>(TimeSpan lease, Func<THeld, long> indexOf)
    where TWorker : notnull
    where THeld : class
{
    private readonly Dictionary<TWorker, List<THeld>> held = [];
    private readonly AssignmentLeases<TWorker> leases = new(lease);

    /// <summary>Trials held by workers now (a pack counts each of its trials).</summary>
    public int HeldTrials => held.Values.Sum(pack => pack.Count);

    public bool IsEmpty => held.Count == 0;

    /// <summary>Every held trial, worker by worker.</summary>
    public IEnumerable<THeld> All => held.Values.SelectMany(pack => pack);

    /// <summary><paramref name="worker"/> now holds <paramref name="pack"/>, sent as <paramref name="message"/> at <paramref name="now"/>.</summary>
    public void Hold(TWorker worker, List<THeld> pack, object message, DateTimeOffset now)
    {
        held[worker] = pack;
        leases.Sent(worker, message, now);
    }

    /// <summary>What <paramref name="worker"/> holds (empty when nothing).</summary>
    public IReadOnlyList<THeld> HeldBy(TWorker worker) => held.TryGetValue(worker, out var pack) ? pack : [];

    /// <summary>The worker started an assignment holding any of <paramref name="indices"/>: its lease closes. False when it holds none of them.</summary>
    public bool Acknowledge(TWorker worker, IEnumerable<long> indices)
    {
        var started = indices.ToHashSet();
        return held.TryGetValue(worker, out var pack) && pack.Any(h => started.Contains(indexOf(h))) && leases.Acknowledge(worker);
    }

    /// <summary>The leases due at <paramref name="now"/> of workers that still hold trials (see <see cref="AssignmentLeases{TWorker}.Expire"/>).</summary>
    public IReadOnlyList<LeaseExpiry<TWorker>> Expire(DateTimeOffset now) =>
        leases.Expire(now).Where(expiry => held.ContainsKey(expiry.Worker)).ToList();

    /// <summary>Takes every trial <paramref name="worker"/> holds off the books.</summary>
    public List<THeld> Release(TWorker worker)
    {
        leases.Forget(worker);
        return held.Remove(worker, out var pack) ? pack : [];
    }

    /// <summary>Takes one trial <paramref name="worker"/> holds off the books; null when it does not hold it.</summary>
    public THeld? Release(TWorker worker, long index)
    {
        if (!held.TryGetValue(worker, out var pack) || pack.Find(h => indexOf(h) == index) is not { } one)
        {
            return null;
        }
        pack.Remove(one);
        if (pack.Count == 0)
        {
            held.Remove(worker);
            leases.Forget(worker);
        }
        return one;
    }
}
