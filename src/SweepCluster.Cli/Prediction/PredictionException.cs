namespace SweepCluster.Cli.Prediction;

/// <summary>Bad input to <c>predict</c> (a model folder without its files, a CSV whose columns or cells do not fit): exit 2, with this message.</summary>
public sealed class PredictionException(string message) : Exception(message);
