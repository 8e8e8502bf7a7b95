namespace SweepCluster.Core.Monitoring;

/// <summary>
/// Turns the paths given to <c>monitor</c> into CLEF files: a file is taken as is, a folder gives every
/// <c>*.clef</c> under it (a node's file and its rolled siblings, <c>node_001.clef</c>, …).
/// </summary>
public static class LogFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.UnionWith(Directory.EnumerateFiles(path, "*.clef", SearchOption.AllDirectories).Select(Path.GetFullPath));
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
        }
        return [.. files];
    }
}
