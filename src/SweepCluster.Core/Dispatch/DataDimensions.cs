namespace SweepCluster.Core.Dispatch;

/// <summary>What a trial's cost depends on in the data: input columns, classes and training rows (as the data check found them).</summary>
public sealed record DataDimensions(int Inputs, int Outputs, int TrainingRows);
