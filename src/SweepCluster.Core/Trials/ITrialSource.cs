using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// A sweep's trials by index, generated on demand: a coordinator hands out trial <c>i</c> without
/// materialising the others, and a resumed sweep regenerates the same trial for the same index.
/// </summary>
public interface ITrialSource
{
    string SweepName { get; }

    long Count { get; }

    MetricSpec Metric { get; }

    /// <summary>Names of the swept parameters in file order: the leaderboard's parameter columns.</summary>
    IReadOnlyList<string> SweptParameters { get; }

    TrialSpec TrialAt(long index);
}
