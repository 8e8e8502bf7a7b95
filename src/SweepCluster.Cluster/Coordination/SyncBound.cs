namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The bound on the coordinator's Syncing phase, in which it waits for the results actor to say what results.jsonl holds
/// and keeps every other message for later (stashed). Without a bound a results actor that never answers (it could not
/// start, its answer was lost) left the coordinator stashing for ever and the command running. The wait ends after
/// <see cref="Timeout"/>, or once <see cref="MaxStashed"/> messages wait, whichever comes first; then the coordinator
/// fails with the reason this gives.
/// </summary>
public sealed class SyncBound(TimeSpan timeout, int maxStashed)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    // Workers repeat their registration every second until answered: even a few hundred of them stay far below this in a minute.
    public const int DefaultMaxStashed = 100_000;

    private int stashed;

    public TimeSpan Timeout { get; } = timeout;

    public int MaxStashed { get; } = maxStashed;

    /// <summary>Counts one more message kept for later; false once more than <see cref="MaxStashed"/> would wait.</summary>
    public bool Admit() => ++stashed <= MaxStashed;

    public string TimedOut =>
        $"the results actor did not say what results.jsonl holds within {Timeout.TotalSeconds:0.#} s; the sweep cannot start without it";

    public string Overflowed =>
        $"more than {MaxStashed} messages arrived while the coordinator waited for the results actor to read results.jsonl";
}
