namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How a sweep host ended: the sweep's <see cref="Outcome"/>; or why it refused to run (the journal holds another
/// definition, or results.jsonl a damaged line); or why it failed (the coordinator or the results actor stopped for good,
/// e.g. the journal or results.jsonl could not be read or written). Exactly one is set.
/// </summary>
public sealed record SweepEnd
{
    private SweepEnd(SweepOutcome? outcome, string? refusedBecause, string? failedBecause) =>
        (Outcome, RefusedBecause, FailedBecause) = (outcome, refusedBecause, failedBecause);

    public SweepOutcome? Outcome { get; }

    public string? RefusedBecause { get; }

    public string? FailedBecause { get; }

    public static SweepEnd Completed(SweepOutcome outcome) => new(outcome, null, null);

    public static SweepEnd Refused(string reason) => new(null, reason, null);

    public static SweepEnd Failed(string reason) => new(null, null, reason);

    /// <summary>
    /// The outcome, for a host whose caller hears a refusal or a failure as an exception (<see cref="EmbeddedSweep"/>):
    /// a <see cref="SweepRefusedException"/> (bad input, exit 2) or a <see cref="SweepFailedException"/> (exit 1).
    /// </summary>
    public SweepOutcome OutcomeOrThrow() =>
        Outcome ?? throw (RefusedBecause is { } refused ? new SweepRefusedException(refused) : new SweepFailedException(FailedBecause!));
}
