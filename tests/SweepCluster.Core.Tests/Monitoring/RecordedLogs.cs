namespace SweepCluster.Core.Tests.Monitoring;

/// <summary>The recorded CLEF logs of a real 2-worker run (see TestData/monitor/README.md).</summary>
internal static class RecordedLogs
{
    public static string Folder => Path.Combine(RepoRoot.Path, "tests", "SweepCluster.Core.Tests", "TestData", "monitor");

    public static string File(string name) => Path.Combine(Folder, name);
}
