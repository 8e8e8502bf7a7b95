namespace SweepCluster.Training.Data;

/// <summary>What a sweep's data holds, as its check before any trial found it.</summary>
public sealed record DataShape(int Rows, int Features, int Classes, SplitSizes Split);
