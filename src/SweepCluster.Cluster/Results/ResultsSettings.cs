using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Where and how the results actor writes a sweep's result files. With <paramref name="Resume"/>, an existing
/// results.jsonl is read and kept (a resumed sweep); without, it is replaced.
/// </summary>
public sealed record ResultsSettings(
    SweepOutputPaths Paths,
    MetricSpec Metric,
    IReadOnlyList<string> SweptParameters,
    LeaderboardWriteMode WriteMode = LeaderboardWriteMode.EveryResult,
    bool Resume = false);
