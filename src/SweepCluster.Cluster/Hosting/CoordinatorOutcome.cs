namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How a coordinator node ended: the sweep's outcome; or why it refused to run (the journal holds another
/// definition, or results.jsonl a damaged line); or why it failed (the journal or results.jsonl could not be read or
/// written). Exactly one is set.
/// </summary>
public sealed record CoordinatorOutcome(SweepOutcome? Outcome, string? RefusedBecause, string? FailedBecause);
