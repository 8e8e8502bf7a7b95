using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// The results actor's disk, behind an interface so that tests can count and order its writes. The actor calls
/// it off its own thread, at most one <see cref="Append"/> and one derived write (<see cref="WriteLeaderboard"/>
/// then <see cref="WriteReport"/>) at a time; the two may overlap.
/// </summary>
public interface IResultsStore : IDisposable
{
    /// <summary>
    /// Opens results.jsonl for appending: with <paramref name="resume"/> keeps what it holds (dropping a line torn by a
    /// crash) and returns those entries; without, replaces it and returns none.
    /// </summary>
    IReadOnlyList<LeaderboardEntry> Open(bool resume);

    /// <summary>Appends the entries to results.jsonl; they are durable (fsync'd) when this returns.</summary>
    void Append(IReadOnlyList<LeaderboardEntry> entries);

    /// <summary>Replaces leaderboard.csv, .md and .json atomically with these rows.</summary>
    void WriteLeaderboard(IReadOnlyList<RankedEntry> rows);

    /// <summary>
    /// Replaces report.html atomically with these rows. <paramref name="final"/>: written for a flush (the sweep ended or
    /// stopped), so the page does not reload itself; the throttled writes while results arrive do.
    /// </summary>
    void WriteReport(IReadOnlyList<RankedEntry> rows, bool final);
}
