namespace SweepCluster.Core.Sweeps;

/// <summary>How a sweep's parameter space is searched.</summary>
public enum SearchMethod
{
    Grid,
    Random,
    Sobol,

    /// <summary>Tree-structured Parzen estimator: adaptive, each trial placed from the results so far.</summary>
    Tpe,
}
