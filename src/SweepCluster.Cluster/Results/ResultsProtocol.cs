using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Results;

/// <summary>The messages the results actor understands, and its reply.</summary>
public static class ResultsProtocol
{
    /// <summary>A trial finished for good. A second entry for the same trial id is ignored.</summary>
    public sealed record RecordResult(LeaderboardEntry Entry);

    /// <summary>Answered with a <see cref="LeaderboardSnapshot"/>.</summary>
    public sealed record GetLeaderboard
    {
        public static GetLeaderboard Instance { get; } = new();
    }

    /// <summary>Writes the leaderboard files now, then answers with a <see cref="LeaderboardSnapshot"/>.</summary>
    public sealed record FlushLeaderboard
    {
        public static FlushLeaderboard Instance { get; } = new();
    }

    public sealed record LeaderboardSnapshot(IReadOnlyList<RankedEntry> Rows);
}
