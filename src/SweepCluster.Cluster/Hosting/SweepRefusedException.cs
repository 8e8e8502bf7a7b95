namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A sweep was refused before any trial: its journal holds another definition of the sweep, or its results.jsonl a
/// damaged line (see the message: the file and the line). Nothing was trained and the results file is as it was.
/// </summary>
public sealed class SweepRefusedException(string message) : Exception(message);
