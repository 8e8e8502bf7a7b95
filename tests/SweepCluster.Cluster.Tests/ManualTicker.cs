namespace SweepCluster.Cluster.Tests;

/// <summary>A time provider whose timers fire only when told (<see cref="Tick"/>), so that a periodic loop moves one step at a time.</summary>
internal sealed class ManualTicker : TimeProvider
{
    private readonly List<Timer> timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(callback, state);
        lock (timers)
        {
            timers.Add(timer);
        }
        return timer;
    }

    /// <summary>Fires every live timer once.</summary>
    public void Tick()
    {
        Timer[] live;
        lock (timers)
        {
            live = [.. timers.Where(t => !t.Disposed)];
        }
        foreach (var timer in live)
        {
            timer.Fire();
        }
    }

    private sealed class Timer(TimerCallback callback, object? state) : ITimer
    {
        public bool Disposed { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
