namespace SweepCluster.Cluster.Tests;

/// <summary>A clock that moves only when told: timestamps in ticks.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan span) => Interlocked.Add(ref ticks, span.Ticks);
}
