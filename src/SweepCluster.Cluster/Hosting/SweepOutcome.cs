using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How a sweep ended when it ran to its end (or was stopped): the coordinator's <paramref name="Summary"/> of the counts
/// (<see cref="Done"/> includes <see cref="Interrupted"/>), the leaderboard in rank order as flushed, where the files are,
/// and how long it took. The counts are read through, so that a new count in the summary needs no change here.
/// </summary>
public sealed record SweepOutcome(SweepSummary Summary, IReadOnlyList<RankedEntry> Entries, SweepOutputPaths Paths, TimeSpan Elapsed)
{
    public string SweepId => Summary.SweepId;

    public long Total => Summary.Total;

    public long Done => Summary.Done;

    public long Failed => Summary.Failed;

    public long Interrupted => Summary.Interrupted;

    public long NotRun => Summary.NotRun;

    public bool Stopped => Summary.Stopped;

    public long StoppedEarly => Summary.StoppedEarly;
}
