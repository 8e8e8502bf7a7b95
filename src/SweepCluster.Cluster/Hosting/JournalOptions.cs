namespace SweepCluster.Cluster.Hosting;

/// <summary>The coordinator's journal: its kind and ADO.NET connection string (unused for <see cref="JournalKind.InMemory"/>).</summary>
public sealed record JournalOptions(JournalKind Kind, string ConnectionString)
{
    public static JournalOptions InMemory { get; } = new(JournalKind.InMemory, "");

    /// <summary>The default: <c>journal.db</c> in the sweep's output folder.</summary>
    public static JournalOptions SqliteIn(string outputDirectory) =>
        new(JournalKind.Sqlite, $"Data Source={Path.Combine(Path.GetFullPath(outputDirectory), "journal.db")}");
}
