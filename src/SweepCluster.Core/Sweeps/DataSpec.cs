namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Where a sweep's data comes from and how much of it is held out for validation. <see cref="Task"/> (the sweep's
/// <c>task:</c>) says how its label column is read: class labels, or a numeric target. It lives here because it decides
/// what the data is, and two specs that differ in it must never share a loaded dataset.
/// </summary>
public abstract record DataSpec(double ValidationFraction)
{
    public SweepTask Task { get; init; } = SweepTask.Classification;
}
