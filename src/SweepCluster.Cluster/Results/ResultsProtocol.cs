using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Results;

/// <summary>The messages the results actor understands, and its reply.</summary>
public static class ResultsProtocol
{
    /// <summary>
    /// A trial finished for good. A second entry for the same trial id is ignored. Answered with
    /// <see cref="ResultRecorded"/> once the entry is durable in results.jsonl (fsync'd; for a duplicate, once the
    /// first entry is).
    /// </summary>
    public sealed record RecordResult(LeaderboardEntry Entry) : ISweepMessage;

    /// <summary>
    /// The entry of trial <paramref name="Index"/> is on disk: only now may the coordinator journal it as settled.
    /// <paramref name="Loss"/>: the result as an adaptive search sees it (<see cref="Core.Search.ObservedLoss"/>), for a resumed TPE;
    /// <paramref name="Losses"/>: the same for each of the sweep's objectives (<see cref="ResultsSettings.SearchObjectives"/>), for
    /// a resumed multi-objective TPE (null: a bad observation, or not asked for). Both are sent with <see cref="RecordedTrials"/> only.
    /// </summary>
    public sealed record ResultRecorded(long Index, TrialStatus Status, double? Loss = null, IReadOnlyList<double>? Losses = null) : ISweepMessage;

    /// <summary>Answered with <see cref="RecordedTrials"/>: what results.jsonl holds (a resumed sweep's earlier results).</summary>
    public sealed record GetRecordedTrials : ISweepMessage
    {
        public static GetRecordedTrials Instance { get; } = new();
    }

    public sealed record RecordedTrials(IReadOnlyList<ResultRecorded> Trials) : ISweepMessage;

    /// <summary>Answered with a <see cref="LeaderboardSnapshot"/> of the results that are durable.</summary>
    public sealed record GetLeaderboard : ISweepMessage
    {
        public static GetLeaderboard Instance { get; } = new();
    }

    /// <summary>
    /// Rewrites the derived files (leaderboards, report.html) now, without waiting for their throttle, once every
    /// result sent before this is durable; answers with a <see cref="LeaderboardSnapshot"/> of what they hold. Hosts send
    /// it when the sweep has ended or stopped, so the report.html it writes is the final one, without the auto-reload.
    /// </summary>
    public sealed record FlushLeaderboard : ISweepMessage
    {
        public static FlushLeaderboard Instance { get; } = new();
    }

    public sealed record LeaderboardSnapshot(IReadOnlyList<RankedEntry> Rows) : ISweepMessage;

    /// <summary>
    /// Published on the event stream (not sent) by the <see cref="ResultsSupervisor"/> when the results actor stopped for
    /// good: the sweep cannot record results, so its host ends the command. <paramref name="BadData"/>: results.jsonl holds a
    /// damaged line before its last (exit 2; <paramref name="Reason"/> names the file and line, and the file is untouched);
    /// otherwise the file could not be read or written (exit 1).
    /// </summary>
    public sealed record ResultsFailed(string Reason, bool BadData);
}
