namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A sweep was refused before any trial: its journal holds another definition of the sweep (see the message). Nothing
/// was trained and the results file is as it was.
/// </summary>
public sealed class SweepRefusedException(string message) : Exception(message);
