namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How to run a sweep in this process. <paramref name="Node"/> "" means the machine name.
/// <paramref name="LogLevel"/> is Akka's level (DEBUG, INFO, WARNING, ERROR) for events routed to Serilog.
/// <paramref name="KeepModels"/>: the top K models kept under models/ (rank 1 also as best/; 0 none); <paramref name="DefinitionHash"/> goes into their model.json.
/// </summary>
public sealed record EmbeddedSweepOptions(
    string OutputDirectory,
    int MaxRetries = 2,
    string Node = "",
    string LogLevel = "INFO",
    TimeSpan? ProgressInterval = null,
    int KeepModels = 1,
    string DefinitionHash = "");
