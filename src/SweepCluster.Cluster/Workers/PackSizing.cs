namespace SweepCluster.Cluster.Workers;

/// <summary>How many of the trials held to keep, and the limit learnt for this kind of trial (null: not decided yet).</summary>
public sealed record PackSizing(int Keep, int? Limit)
{
    /// <summary>
    /// From the trainer's answer: at most <paramref name="max"/>; 0 means another slot is still measuring this kind of
    /// trial, so keep one and size it next time.
    /// </summary>
    public static PackSizing Of(int answer, int max)
    {
        var limit = Math.Min(answer, max);
        return new PackSizing(Math.Max(1, limit), limit > 0 ? limit : null);
    }
}
