namespace SweepCluster.Core.Sweeps;

/// <summary>How a sweep's parameter space is searched.</summary>
public enum SearchMethod
{
    Grid,
    Random,
    Sobol,
}
