namespace SweepCluster.Core.Sweeps;

/// <summary>Where a sweep's data comes from and how much of it is held out for validation.</summary>
public abstract record DataSpec(double ValidationFraction);
