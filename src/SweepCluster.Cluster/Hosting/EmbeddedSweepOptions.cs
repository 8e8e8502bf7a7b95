namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How to run a sweep in this process. <paramref name="Node"/> "" means the machine name.
/// <paramref name="LogLevel"/> is Akka's level (DEBUG, INFO, WARNING, ERROR) for events routed to Serilog.
/// <paramref name="KeepModels"/>: the top K models kept under models/ (rank 1 also as best/; 0 none); <paramref name="DefinitionHash"/> goes into their model.json.
/// <paramref name="Journal"/>: where the coordinator journals; null is in memory (nothing to resume). With a journal the
/// sweep resumes what the output folder holds (results.jsonl is kept, not replaced), and a journal of another
/// <paramref name="DefinitionHash"/> (see <see cref="SweepDefinitionHash"/>) is refused. <paramref name="InterruptOnStop"/>:
/// a stop interrupts the running trials (recorded as interrupted); false lets them finish, so that a resumed run has
/// nothing half-trained to skip.
/// </summary>
public sealed record EmbeddedSweepOptions(
    string OutputDirectory,
    int MaxRetries = 2,
    string Node = "",
    string LogLevel = "INFO",
    TimeSpan? ProgressInterval = null,
    int KeepModels = 1,
    JournalOptions? Journal = null,
    string DefinitionHash = "",
    bool InterruptOnStop = true)
{
    /// <summary>A journal on disk lets a later run resume, so the results file is kept rather than replaced.</summary>
    public bool Resumes => Journal is { Kind: not JournalKind.InMemory };
}
