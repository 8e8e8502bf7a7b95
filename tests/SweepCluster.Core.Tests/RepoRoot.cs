namespace SweepCluster.Core.Tests;

/// <summary>The repository root, found by walking up from the test binaries to SweepCluster.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Sweeps => System.IO.Path.Combine(Path, "sweeps");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SweepCluster.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SweepCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
