using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How an embedded sweep ended: its counts (<paramref name="Done"/> includes <paramref name="Interrupted"/>),
/// its leaderboard in rank order, where the files are, and how long it took.
/// </summary>
public sealed record SweepOutcome(
    string SweepId,
    long Total,
    long Done,
    long Failed,
    long Interrupted,
    long NotRun,
    bool Stopped,
    IReadOnlyList<RankedEntry> Entries,
    SweepOutputPaths Paths,
    TimeSpan Elapsed,
    long StoppedEarly = 0);
