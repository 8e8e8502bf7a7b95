using SweepCluster.Core.Dispatch;

namespace SweepCluster.Training.Data;

/// <summary>
/// What a sweep's data holds, as its check before any trial found it. For a regression sweep, <see cref="Classes"/> is 1 (the
/// one output) and <see cref="TargetRange"/> is the target's smallest and largest value; null for classification.
/// </summary>
public sealed record DataShape(int Rows, int Features, int Classes, SplitSizes Split, (double Min, double Max)? TargetRange = null)
{
    /// <summary>What a trial's estimated cost needs of the data (the coordinator hands out the most expensive trials first).</summary>
    public DataDimensions Dimensions => new(Features, Classes, Split.Training);
}
