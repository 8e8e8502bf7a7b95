namespace SweepCluster.Cluster.Hosting;

/// <summary>Where the coordinator journals: a SQLite file (default), PostgreSQL, or memory (one process, no resume).</summary>
public enum JournalKind
{
    Sqlite,
    Postgres,
    InMemory,

    /// <summary>JSON lines in one file that one process owns (<see cref="Journal.FileJournal"/>): <c>run</c>'s journal.</summary>
    File,
}
