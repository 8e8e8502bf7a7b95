using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// A sweep's progress with the detail a live display shows: the counts, what each worker is training
/// (trial and epoch), and the leaderboard so far in rank order.
/// </summary>
public sealed record SweepProgress(SweepStatus Status, IReadOnlyList<WorkerStatus> Workers, IReadOnlyList<RankedEntry> Leaderboard);
