namespace SweepCluster.Core.Dispatch;

/// <summary>A point an adaptive search placed trial <paramref name="Index"/> at, to be journaled before the trial is handed out.</summary>
public sealed record SuggestedPoint(long Index, double[] Point);
