namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A coordinator node: its cluster settings, the sweep's output folder, its journal, retries, and
/// <paramref name="DefinitionHash"/> (see <see cref="SweepDefinitionHash"/>), which a resumed journal must match.
/// </summary>
public sealed record CoordinatorNodeOptions(
    ClusterNodeOptions Node,
    string OutputDirectory,
    JournalOptions Journal,
    string DefinitionHash,
    int MaxRetries = 2,
    TimeSpan? ProgressInterval = null,
    int KeepModels = 1);
