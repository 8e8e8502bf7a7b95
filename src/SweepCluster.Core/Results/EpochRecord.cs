namespace SweepCluster.Core.Results;

/// <summary>One epoch of a trial's learning curve.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValLoss, double ValAccuracy);
