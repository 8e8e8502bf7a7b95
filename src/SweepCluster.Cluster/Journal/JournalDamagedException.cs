namespace SweepCluster.Cluster.Journal;

/// <summary>A journal file whose line (not the last, which a crash may tear) is not a journal record.</summary>
public sealed class JournalDamagedException(string message) : Exception(message);
