namespace SweepCluster.Cluster.Results;

/// <summary>
/// When the results actor rewrites the leaderboard files. <see cref="EveryResult"/> is what a sweep wants
/// (trials take seconds; the files are always current). <see cref="OnFlush"/> exists for the control-plane
/// benchmark, where rewriting n rows after each of n instant trials would cost O(n²) and measure the disk.
/// results.jsonl is appended per result in both modes.
/// </summary>
public enum LeaderboardWriteMode
{
    EveryResult,
    OnFlush,
}
