namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How fast a dead node is noticed: it is unreachable after <paramref name="AcceptableHeartbeatPause"/> without
/// heartbeats, and downed (its trials re-queued) once the unreachability has been stable for
/// <paramref name="StableAfter"/>. Akka's defaults (3 s, 20 s) suit flaky networks; trials take minutes, so a
/// few seconds are plenty here, and tests use less.
/// </summary>
public sealed record FailureDetection(TimeSpan HeartbeatInterval, TimeSpan AcceptableHeartbeatPause, TimeSpan StableAfter)
{
    public static FailureDetection Default { get; } = For(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    /// <summary>Heartbeats four times per acceptable pause, at most once a second.</summary>
    public static FailureDetection For(TimeSpan acceptableHeartbeatPause, TimeSpan stableAfter) =>
        new(TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, acceptableHeartbeatPause.Ticks / 4)), acceptableHeartbeatPause, stableAfter);
}
