using System.Diagnostics;

namespace SweepCluster.Core.Dispatch;

/// <summary>The coordinator's own cost: trials handed out, results seen, and the time spent handling requests and results.</summary>
public sealed class DispatchCounters
{
    public long Dispatches { get; private set; }

    public long ResultsSeen { get; private set; }

    /// <summary>Time spent in <see cref="Timed"/>, in <see cref="Stopwatch"/> ticks.</summary>
    public long BusyTicks { get; private set; }

    /// <summary><paramref name="trials"/> trials were handed out: one, or a pack's.</summary>
    public void Dispatched(int trials) => Dispatches += trials;

    public void ResultSeen() => ResultsSeen++;

    /// <summary>Runs <paramref name="handle"/> and adds its time to <see cref="BusyTicks"/>.</summary>
    public void Timed(Action handle)
    {
        var start = Stopwatch.GetTimestamp();
        handle();
        BusyTicks += Stopwatch.GetTimestamp() - start;
    }
}
