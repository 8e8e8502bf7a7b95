namespace SweepCluster.Cli.Tests.Support;

/// <summary>Where the test data lives: found by walking up from the test binaries to SweepCluster.sln.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Find();

    /// <summary>The recorded CLEF logs of a 2-worker run (shared with the Core tests).</summary>
    public static string RecordedLogs => Path.Combine(RepoRoot, "tests", "SweepCluster.Core.Tests", "TestData", "monitor");

    /// <summary>results.jsonl and sweep.yaml of that same run.</summary>
    public static string RecordedOutput => Path.Combine(RepoRoot, "tests", "SweepCluster.Cli.Tests", "TestData", "monitor-demo-out");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SweepCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
