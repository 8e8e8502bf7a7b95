namespace SweepCluster.Cli.Commands;

/// <summary>The parsed arguments of <c>run</c>.</summary>
public sealed record RunArguments(
    FileInfo SweepFile,
    IReadOnlyList<string> Overrides,
    DirectoryInfo? OutputDirectory,
    int? Workers,
    int ThreadsPerWorker,
    int MaxRetries,
    DirectoryInfo? LogDirectory,
    int Top)
{
    /// <summary>Each problem with the numeric options, named by option.</summary>
    public IEnumerable<string> Problems()
    {
        if (Workers is < 1)
        {
            yield return $"--workers: must be at least 1 (got {Workers})";
        }
        if (ThreadsPerWorker < 1)
        {
            yield return $"--threads-per-worker: must be at least 1 (got {ThreadsPerWorker})";
        }
        if (MaxRetries < 0)
        {
            yield return $"--max-retries: must be 0 or more (got {MaxRetries})";
        }
        if (Top < 0)
        {
            yield return $"--top: must be 0 or more (got {Top})";
        }
    }
}
