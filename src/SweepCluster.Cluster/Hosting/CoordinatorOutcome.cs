namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// How a coordinator node ended: the sweep's outcome; or why it refused to run (the journal holds another
/// definition); or why it failed (the journal could not be read or written). Exactly one is set.
/// </summary>
public sealed record CoordinatorOutcome(SweepOutcome? Outcome, string? RefusedBecause, string? FailedBecause);
