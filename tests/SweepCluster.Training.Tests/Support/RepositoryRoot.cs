namespace SweepCluster.Training.Tests.Support;

/// <summary>The folder of SweepCluster.sln above the test binaries, for tests that read the repository's own files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "SweepCluster.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("cannot find SweepCluster.sln above " + AppContext.BaseDirectory);
    }
}
