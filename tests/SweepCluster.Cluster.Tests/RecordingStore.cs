using SweepCluster.Cluster.Results;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// An <see cref="IResultsStore"/> that writes nothing and records every call. While <see cref="HoldAppends"/> is set,
/// an append waits (bounded) until <see cref="ReleaseAppends"/>, so a test can hold a write "on the disk"; likewise a
/// report write while <see cref="HoldReports"/> is set.
/// </summary>
internal sealed class RecordingStore : IResultsStore
{
    private readonly Lock gate = new();
    private readonly ManualResetEventSlim appendsOpen = new(initialState: true);
    private readonly ManualResetEventSlim reportsOpen = new(initialState: true);
    private readonly List<bool> reportFinals = [];
    private int reportsStarted;
    private readonly List<IReadOnlyList<string>> batches = [];
    private readonly HashSet<string> durable = [];
    private readonly List<LeaderboardEntry> written = [];
    private readonly List<bool> opens = [];
    private bool failNext;
    private int appendsStarted;
    private int leaderboardWrites;
    private int reportWrites;
    private int lastLeaderboardRows = -1;

    public int AppendsStarted => Volatile.Read(ref appendsStarted);

    public int LeaderboardWrites => Volatile.Read(ref leaderboardWrites);

    public int ReportWrites => Volatile.Read(ref reportWrites);

    public int ReportsStarted => Volatile.Read(ref reportsStarted);

    /// <summary>Whether each finished report write was a final one, in order.</summary>
    public IReadOnlyList<bool> ReportFinals
    {
        get
        {
            lock (gate)
            {
                return [.. reportFinals];
            }
        }
    }

    public int LastLeaderboardRows
    {
        get
        {
            lock (gate)
            {
                return lastLeaderboardRows;
            }
        }
    }

    /// <summary>The trial ids of each append, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches
    {
        get
        {
            lock (gate)
            {
                return [.. batches];
            }
        }
    }

    public bool IsDurable(string trialId)
    {
        lock (gate)
        {
            return durable.Contains(trialId);
        }
    }

    /// <summary>How each <see cref="Open"/> was called (true: resume), in order.</summary>
    public IReadOnlyList<bool> Opens
    {
        get
        {
            lock (gate)
            {
                return [.. opens];
            }
        }
    }

    /// <summary>The next append throws, as a full disk would, and writes nothing.</summary>
    public void FailNextAppend()
    {
        lock (gate)
        {
            failNext = true;
        }
    }

    public void HoldAppends() => appendsOpen.Reset();

    public void ReleaseAppends() => appendsOpen.Set();

    public void HoldReports() => reportsOpen.Reset();

    public void ReleaseReports() => reportsOpen.Set();

    /// <summary>Like results.jsonl: a resumed open gives back what earlier appends wrote.</summary>
    public IReadOnlyList<LeaderboardEntry> Open(bool resume)
    {
        lock (gate)
        {
            opens.Add(resume);
            return resume ? [.. written] : [];
        }
    }

    public void Append(IReadOnlyList<LeaderboardEntry> entries)
    {
        Interlocked.Increment(ref appendsStarted);
        if (!appendsOpen.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never released the held append");
        }
        lock (gate)
        {
            if (failNext)
            {
                failNext = false;
                throw new IOException("no space left on device");
            }
            written.AddRange(entries);
            batches.Add([.. entries.Select(entry => entry.TrialId)]);
            durable.UnionWith(entries.Select(entry => entry.TrialId));
        }
    }

    public void WriteLeaderboard(IReadOnlyList<RankedEntry> rows)
    {
        Interlocked.Increment(ref leaderboardWrites);
        lock (gate)
        {
            lastLeaderboardRows = rows.Count;
        }
    }

    public void WriteReport(IReadOnlyList<RankedEntry> rows, bool final)
    {
        Interlocked.Increment(ref reportsStarted);
        if (!reportsOpen.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never released the held report write");
        }
        lock (gate)
        {
            reportFinals.Add(final);
        }
        Interlocked.Increment(ref reportWrites);
    }

    public void Dispose()
    {
        // Nothing open; the event stays usable because the actor may still be finishing a held append.
    }
}
