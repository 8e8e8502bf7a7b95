namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// The waits and intervals of the hosts (<see cref="EmbeddedSweep"/>, <see cref="CoordinatorNode"/>, <see cref="WorkerNode"/>),
/// in one place so that the two sweep hosts cannot drift apart.
/// </summary>
public static class HostTimeouts
{
    /// <summary>
    /// Writing the last derived files (leaderboards, report) may take a while for a large sweep, but not forever. The
    /// longer of the two the hosts once had: a big sweep's final report must not be cut.
    /// </summary>
    public static readonly TimeSpan Flush = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often <c>run</c> asks for its progress: the live display redraws the running epochs each second (without a
    /// terminal, <c>run</c>'s log throttles the lines itself).
    /// </summary>
    public static readonly TimeSpan EmbeddedProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often a coordinator node asks its singleton for the counts: a log line at most this often, whenever they changed.</summary>
    public static readonly TimeSpan CoordinatorProgressInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The coordinator and the results actor answer a progress query between messages; a slow answer (a coordinator being
    /// replaced or not up yet, a results actor busy) skips one report rather than stalling the loop.
    /// </summary>
    public static readonly TimeSpan ProgressQuery = TimeSpan.FromSeconds(5);

    /// <summary>A worker busy training answers a status query at once (training runs off its thread); this only guards a dead one.</summary>
    public static readonly TimeSpan WorkerStatusQuery = TimeSpan.FromSeconds(2);

    /// <summary>How often a worker repeats its registration until a (new) coordinator acknowledges it.</summary>
    public static readonly TimeSpan RegisterInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a leaving worker node waits for its workers to hand their trials back to the coordinator.</summary>
    public static readonly TimeSpan HandBack = TimeSpan.FromSeconds(5);
}
