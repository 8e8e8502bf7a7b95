namespace SweepCluster.Training.Data;

/// <summary>A data file or data spec that cannot be used; the message names the file, row and column.</summary>
public sealed class DatasetException(string message) : Exception(message);
