namespace SweepCluster.IntegrationTests;

/// <summary>
/// The sweepcluster executable the tests start: the solution build's CLI output for this configuration
/// (src/SweepCluster.Cli/bin/&lt;configuration&gt;/net10.0), which the project reference builds before the tests.
/// </summary>
internal static class CliBinary
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Path { get; } = Find();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "SweepCluster.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("cannot find SweepCluster.sln above " + AppContext.BaseDirectory);
    }

    private static string Find()
    {
        // bin/<configuration>/<framework>/ of this test project mirrors the CLI's.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var candidate = System.IO.Path.Combine(RepoRoot, "src", "SweepCluster.Cli", "bin", configuration, framework.Name, "sweepcluster");
        return File.Exists(candidate) ? candidate
            : throw new FileNotFoundException($"the CLI is not built: {candidate} (dotnet build SweepCluster.sln)");
    }
}
