using SweepCluster.Cli.Devices;

namespace SweepCluster.Cli.Commands;

/// <summary>The parsed arguments of <c>run</c>. <paramref name="Fresh"/>: move the output folder aside and start over instead of resuming.</summary>
public sealed record RunArguments(
    FileInfo SweepFile,
    IReadOnlyList<string> Overrides,
    DirectoryInfo? OutputDirectory,
    SlotSettings Slots,
    int MaxRetries,
    DirectoryInfo? LogDirectory,
    int Top,
    int KeepModels = 1,
    bool Fresh = false)
{
    /// <summary>Each problem with the numeric options, named by option.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var problem in Slots.Problems())
        {
            yield return problem;
        }
        if (MaxRetries < 0)
        {
            yield return $"--max-retries: must be 0 or more (got {MaxRetries})";
        }
        if (SweepOptions.KeepModelsProblem(KeepModels) is { } keep)
        {
            yield return keep;
        }
        if (Top < 0)
        {
            yield return $"--top: must be 0 or more (got {Top})";
        }
    }
}
