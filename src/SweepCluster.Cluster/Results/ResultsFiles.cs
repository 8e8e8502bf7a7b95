using SweepCluster.Core.Results;
using SweepCluster.Reporting;

namespace SweepCluster.Cluster.Results;

/// <summary>The real <see cref="IResultsStore"/>: the files of <see cref="ResultsSettings.Paths"/>.</summary>
public sealed class ResultsFiles(ResultsSettings settings) : IResultsStore
{
    private readonly LeaderboardWriter leaderboard = new(settings.Paths, settings.SweptParameters, settings.Metric.Task, settings.Repeats, settings.Metric.Name, settings.SearchObjectives.Count);
    private readonly ReportWriter report = new(settings.Paths, settings.SweepName, settings.Metric, settings.SweptParameters, settings.ParameterSpecs, settings.SearchObjectives, settings.Reference);
    private ResultsJournal? journal;

    public IReadOnlyList<LeaderboardEntry> Open(bool resume)
    {
        journal?.Dispose();
        var path = settings.Paths.ResultsJournal;
        if (!resume || !File.Exists(path))
        {
            journal = ResultsJournal.Create(path);
            return [];
        }
        // Whole lines stay byte for byte; a torn last line is cut off, so that appending goes on after the last whole line.
        var entries = ResultsJournal.Recover(path).Entries;
        journal = ResultsJournal.Append(path);
        return entries;
    }

    public void Append(IReadOnlyList<LeaderboardEntry> entries) =>
        (journal ?? throw new InvalidOperationException("results.jsonl is not open")).Write(entries);

    public void WriteLeaderboard(IReadOnlyList<RankedEntry> rows) => leaderboard.Write(rows);

    public void WriteReport(IReadOnlyList<RankedEntry> rows, bool final) => report.Write(rows, live: !final);

    public void Dispose() => journal?.Dispose();
}
