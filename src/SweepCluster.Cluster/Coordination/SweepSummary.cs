using SweepCluster.Cluster.Serialization;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// How a sweep ended. <paramref name="Done"/> includes <paramref name="Interrupted"/> trials;
/// <paramref name="NotRun"/> counts trials never finished because the sweep was stopped; <paramref name="StoppedEarly"/>
/// (part of <paramref name="Done"/>) those the scheduler stopped.
/// </summary>
public sealed record SweepSummary(string SweepId, long Total, long Done, long Failed, long Interrupted, long NotRun, bool Stopped, long StoppedEarly = 0) : ISweepMessage;
