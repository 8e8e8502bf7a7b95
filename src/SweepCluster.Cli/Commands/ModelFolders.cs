using SweepCluster.Core.Results;
using SweepCluster.Models;

namespace SweepCluster.Cli.Commands;

/// <summary>Where a finished sweep's model is, for the summary the run and coordinator verbs print.</summary>
internal static class ModelFolders
{
    /// <summary>The sweep's best/ folder when it holds a whole model; null otherwise (no trial ranked, or <c>--keep-models 0</c>).</summary>
    public static string? Best(SweepOutputPaths paths)
    {
        var best = Path.Combine(paths.Directory, "best");
        return ModelFolder.Files.All(file => File.Exists(Path.Combine(best, file))) ? best : null;
    }
}
