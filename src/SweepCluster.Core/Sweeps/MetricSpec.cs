namespace SweepCluster.Core.Sweeps;

/// <summary>The metric a sweep ranks trials by (e.g. <c>val_loss</c>, minimize).</summary>
public sealed record MetricSpec(string Name, MetricGoal Goal)
{
    public static MetricSpec Default { get; } = new("val_loss", MetricGoal.Minimize);
}
