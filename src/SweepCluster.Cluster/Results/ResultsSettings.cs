using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cluster.Results;

/// <summary>Where and how the results actor writes a sweep's result files.</summary>
public sealed record ResultsSettings(
    SweepOutputPaths Paths,
    MetricSpec Metric,
    IReadOnlyList<string> SweptParameters,
    LeaderboardWriteMode WriteMode = LeaderboardWriteMode.EveryResult);
