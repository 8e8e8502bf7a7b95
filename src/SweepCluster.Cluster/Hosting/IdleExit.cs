namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How long a worker node waits without a coordinator before it exits: <paramref name="After"/>, or forever when
/// null (<c>--idle-exit 0</c>: wait however long the coordinator takes; the worker still ends with its sweep).
/// </summary>
public sealed record IdleExit(TimeSpan? After)
{
    public static IdleExit Default { get; } = new(TimeSpan.FromMinutes(10));

    public static IdleExit Never { get; } = new((TimeSpan?)null);

    /// <summary><c>--idle-exit SECONDS</c>: null gives the default, 0 never.</summary>
    public static IdleExit FromSeconds(double? seconds) => seconds switch
    {
        null => Default,
        <= 0 => Never,
        _ => new IdleExit(TimeSpan.FromSeconds(seconds.Value)),
    };

    public override string ToString() => After is { } after ? Durations.Human(after) : "never";
}
