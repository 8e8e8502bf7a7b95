namespace SweepCluster.Training.Packing;

/// <summary>The pack size calibration chose, and the trial-samples/s it measured for each candidate size.</summary>
public sealed record PackDecision(int PackSize, IReadOnlyDictionary<int, double> TrialSamplesPerSecond);
