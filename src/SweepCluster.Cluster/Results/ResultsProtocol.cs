using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Results;

/// <summary>The messages the results actor understands, and its reply.</summary>
public static class ResultsProtocol
{
    /// <summary>
    /// A trial finished for good. A second entry for the same trial id is ignored. Answered with
    /// <see cref="ResultRecorded"/> once the entry is in results.jsonl (also for a duplicate).
    /// </summary>
    public sealed record RecordResult(LeaderboardEntry Entry) : ISweepMessage;

    /// <summary>The entry of trial <paramref name="Index"/> is on disk: only now may the coordinator journal it as settled.</summary>
    public sealed record ResultRecorded(long Index, TrialStatus Status) : ISweepMessage;

    /// <summary>Answered with <see cref="RecordedTrials"/>: what results.jsonl holds (a resumed sweep's earlier results).</summary>
    public sealed record GetRecordedTrials : ISweepMessage
    {
        public static GetRecordedTrials Instance { get; } = new();
    }

    public sealed record RecordedTrials(IReadOnlyList<ResultRecorded> Trials) : ISweepMessage;

    /// <summary>Answered with a <see cref="LeaderboardSnapshot"/>.</summary>
    public sealed record GetLeaderboard : ISweepMessage
    {
        public static GetLeaderboard Instance { get; } = new();
    }

    /// <summary>Writes the leaderboard files now, then answers with a <see cref="LeaderboardSnapshot"/>.</summary>
    public sealed record FlushLeaderboard : ISweepMessage
    {
        public static FlushLeaderboard Instance { get; } = new();
    }

    public sealed record LeaderboardSnapshot(IReadOnlyList<RankedEntry> Rows) : ISweepMessage;
}
