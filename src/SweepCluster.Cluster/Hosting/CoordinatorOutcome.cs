namespace SweepCluster.Cluster.Hosting;

/// <summary>How a coordinator node ended: the sweep's outcome, or why it refused to run (then <paramref name="Outcome"/> is null).</summary>
public sealed record CoordinatorOutcome(SweepOutcome? Outcome, string? RefusedBecause);
