namespace SweepCluster.Core.Results;

/// <summary>Where a sweep's result files live inside its output folder.</summary>
public sealed record SweepOutputPaths(string Directory)
{
    public string LeaderboardCsv => Path.Combine(Directory, "leaderboard.csv");

    public string LeaderboardMarkdown => Path.Combine(Directory, "leaderboard.md");

    public string LeaderboardJson => Path.Combine(Directory, "leaderboard.json");

    public string ResultsJournal => Path.Combine(Directory, "results.jsonl");

    public string Report => Path.Combine(Directory, "report.html");
}
