namespace SweepCluster.Core.Dispatch;

/// <summary>
/// The registered workers, what each last asked for, and the idle ones waiting for work in the order they parked.
/// A worker parks at most once; one that is removed while parked is skipped when its turn comes.
/// </summary>
/// <typeparam name="TWorker">The worker's handle (an actor reference in the coordinator).</typeparam>
/// <typeparam name="TInfo">What the coordinator logs about a worker (name, node, device).</typeparam>
/// <typeparam name="TRequest">A worker's last request for work (its pack limits).</typeparam>
public sealed class WorkerPool<TWorker, TInfo, TRequest>
    where TWorker : notnull
    where TRequest : class
{
    private readonly Dictionary<TWorker, TInfo> workers = [];
    private readonly Dictionary<TWorker, TRequest> requests = [];
    private readonly Queue<TWorker> idle = new();
    private readonly HashSet<TWorker> idleSet = [];

    public int Count => workers.Count;

    public IEnumerable<TWorker> Workers => workers.Keys;

    public bool Contains(TWorker worker) => workers.ContainsKey(worker);

    /// <summary>Registers the worker; false when it was registered already (its first info stays).</summary>
    public bool Register(TWorker worker, TInfo info) => workers.TryAdd(worker, info);

    public TInfo InfoOf(TWorker worker) => workers[worker];

    public void Asked(TWorker worker, TRequest request) => requests[worker] = request;

    /// <summary>The worker's last request, or null when it has not asked yet.</summary>
    public TRequest? RequestOf(TWorker worker) => requests.GetValueOrDefault(worker);

    /// <summary>Queues a registered worker as idle, once.</summary>
    public void Park(TWorker worker)
    {
        if (workers.ContainsKey(worker) && idleSet.Add(worker))
        {
            idle.Enqueue(worker);
        }
    }

    /// <summary>The idle worker that parked first, off the idle queue; false when none is left.</summary>
    public bool TryNextIdle(out TWorker worker)
    {
        while (idle.TryDequeue(out worker!))
        {
            if (idleSet.Remove(worker))
            {
                return true;
            }
            // removed while parked
        }
        return false;
    }

    /// <summary>The worker is gone: it is no longer registered, idle or asking.</summary>
    public void Remove(TWorker worker)
    {
        workers.Remove(worker);
        idleSet.Remove(worker);
        requests.Remove(worker);
    }
}
