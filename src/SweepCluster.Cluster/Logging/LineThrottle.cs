namespace SweepCluster.Cluster.Logging;

/// <summary>
/// Lets a console line through at most once per <paramref name="interval"/> for each key (a kind of fault and a
/// peer, say), so that a fault that repeats every second is one line a minute. Thread-safe; one per node, shared by
/// the node's cluster sessions.
/// </summary>
public sealed class LineThrottle(TimeSpan interval, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> lastPassed = [];

    public TimeSpan Interval => interval;

    /// <summary>True (and the key's time is reset) when the key has not passed within the interval.</summary>
    public bool Pass(string key)
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (lastPassed.TryGetValue(key, out var last) && clock.GetElapsedTime(last, now) < interval)
            {
                return false;
            }
            lastPassed[key] = now;
            return true;
        }
    }
}
