using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Where and how the results actor writes a sweep's result files. With <paramref name="Resume"/>, an existing
/// results.jsonl is read and kept (a resumed sweep); without, it is replaced. report.html is rewritten at most
/// once per <paramref name="ReportInterval"/> (default 1 s) while results arrive, and on every flush.
/// </summary>
public sealed record ResultsSettings(
    SweepOutputPaths Paths,
    MetricSpec Metric,
    IReadOnlyList<string> SweptParameters,
    LeaderboardWriteMode WriteMode = LeaderboardWriteMode.EveryResult,
    bool Resume = false,
    string SweepName = "",
    TimeSpan? ReportInterval = null);
