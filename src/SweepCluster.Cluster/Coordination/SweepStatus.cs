using SweepCluster.Cluster.Serialization;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// A sweep's progress. <paramref name="Done"/> counts trials finished for good without failing (completed,
/// diverged, interrupted); <paramref name="Failed"/> those that failed on every attempt; <paramref name="Queued"/>
/// the rest that are not running (including those never started after a stop).
/// </summary>
public sealed record SweepStatus(string SweepId, long Total, long Done, long Running, long Queued, long Failed, bool Stopping) : ISweepMessage;
