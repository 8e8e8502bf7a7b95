using SweepCluster.Core.Dispatch;

namespace SweepCluster.Training.Data;

/// <summary>What a sweep's data holds, as its check before any trial found it.</summary>
public sealed record DataShape(int Rows, int Features, int Classes, SplitSizes Split)
{
    /// <summary>What a trial's estimated cost needs of the data (the coordinator hands out the most expensive trials first).</summary>
    public DataDimensions Dimensions => new(Features, Classes, Split.Training);
}
