namespace SweepCluster.Cluster.Hosting;

/// <summary>Where the coordinator journals: a SQLite file (default), PostgreSQL, or memory (one process, no resume).</summary>
public enum JournalKind
{
    Sqlite,
    Postgres,
    InMemory,
}
