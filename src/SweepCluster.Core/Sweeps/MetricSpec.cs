namespace SweepCluster.Core.Sweeps;

/// <summary>
/// The metric a sweep ranks trials by (e.g. <c>val_loss</c>, minimize), and the sweep's task: <c>val_loss</c> is
/// cross-entropy in a classification sweep and MSE in a regression one, and the outputs show the task's own metrics.
/// </summary>
public sealed record MetricSpec(string Name, MetricGoal Goal, SweepTask Task = SweepTask.Classification)
{
    public static MetricSpec Default { get; } = new("val_loss", MetricGoal.Minimize);
}
