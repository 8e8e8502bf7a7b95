namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// The coordinator's journal: its kind and ADO.NET connection string (for <see cref="JournalKind.File"/>, the file's path;
/// unused for <see cref="JournalKind.InMemory"/>).
/// </summary>
public sealed record JournalOptions(JournalKind Kind, string ConnectionString)
{
    public static JournalOptions InMemory { get; } = new(JournalKind.InMemory, "");

    /// <summary>The default: <c>journal.db</c> in the sweep's output folder.</summary>
    /// <summary><c>run</c>'s journal: <c>journal.jsonl</c> in the sweep's output folder, owned by the one process (<see cref="Journal.FileJournal"/>).</summary>
    public static JournalOptions FileIn(string outputDirectory) =>
        new(JournalKind.File, Path.Combine(Path.GetFullPath(outputDirectory), FileName));

    /// <summary>The file journal's name in an output folder.</summary>
    public const string FileName = "journal.jsonl";

    public static JournalOptions SqliteIn(string outputDirectory) =>
        new(JournalKind.Sqlite, $"Data Source={Path.Combine(Path.GetFullPath(outputDirectory), "journal.db")}");
}
