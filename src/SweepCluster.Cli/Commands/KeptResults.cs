namespace SweepCluster.Cli.Commands;

/// <summary>
/// What an output folder's results.jsonl keeps for a resumed sweep: <paramref name="Kept"/> trials of the sweep's
/// <paramref name="Total"/> are recorded (finished, or failed for good), and <paramref name="TornLine"/> is the line a
/// crash cut off (dropped; its trial runs again), or null.
/// </summary>
public sealed record KeptResults(string ResultsPath, long Kept, long Total, int? TornLine)
{
    public long ToRun => Total - Kept;

    public static KeptResults None(string resultsPath, long total) => new(resultsPath, 0, total, null);
}
