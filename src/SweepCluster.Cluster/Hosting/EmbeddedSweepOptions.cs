namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How to run a sweep in this process. <paramref name="Node"/> "" means the machine name.
/// <paramref name="LogLevel"/> is Akka's level (DEBUG, INFO, WARNING, ERROR) for events routed to Serilog.
/// </summary>
public sealed record EmbeddedSweepOptions(
    string OutputDirectory,
    int MaxRetries = 2,
    string Node = "",
    string LogLevel = "INFO",
    TimeSpan? ProgressInterval = null);
