namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Since when a worker node has had no coordinator, across the node's cluster sessions (a node that is downed
/// joins again in a new session, and its clock keeps running), and whether it is time to give up
/// (<see cref="IdleExit"/>). A node starts without one. Thread-safe: the node's watcher writes, its fault reporter
/// and host read.
/// </summary>
public sealed class CoordinatorAbsence
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private long? absentSince;

    public CoordinatorAbsence(IdleExit idleExit, TimeProvider clock)
    {
        IdleExit = idleExit;
        this.clock = clock;
        absentSince = clock.GetTimestamp();
    }

    public IdleExit IdleExit { get; }

    public bool IsAbsent
    {
        get
        {
            lock (gate)
            {
                return absentSince is not null;
            }
        }
    }

    /// <summary>How long the node has had no coordinator; zero while it has one.</summary>
    public TimeSpan AbsentFor
    {
        get
        {
            lock (gate)
            {
                return absentSince is { } since ? clock.GetElapsedTime(since) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>How much longer the node waits from now (its whole idle-exit time while it has a coordinator); null: forever.</summary>
    public TimeSpan? Remaining => IdleExit.After is { } after ? Max(after - AbsentFor, TimeSpan.Zero) : null;

    /// <summary>The node has had no coordinator for its idle-exit time.</summary>
    public bool Expired => IdleExit.After is { } after && IsAbsent && AbsentFor >= after;

    /// <summary>For a log line: "giving up in 9 m 58 s", or that it waits without limit.</summary>
    public string Outlook => Remaining is { } remaining ? $"giving up in {Durations.Human(remaining)}" : "waiting without limit (--idle-exit 0)";

    public void Found()
    {
        lock (gate)
        {
            absentSince = null;
        }
    }

    public void Lost()
    {
        lock (gate)
        {
            absentSince ??= clock.GetTimestamp();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
