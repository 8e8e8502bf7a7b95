namespace SweepCluster.Cluster.Hosting;

/// <summary>The waits both sweep hosts (<see cref="EmbeddedSweep"/>, <see cref="CoordinatorNode"/>) share, in one place so they cannot drift apart.</summary>
public static class HostTimeouts
{
    /// <summary>
    /// Writing the last derived files (leaderboards, report) may take a while for a large sweep, but not forever. The
    /// longer of the two the hosts once had: a big sweep's final report must not be cut.
    /// </summary>
    public static readonly TimeSpan Flush = TimeSpan.FromMinutes(2);
}
