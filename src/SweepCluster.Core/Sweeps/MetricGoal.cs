namespace SweepCluster.Core.Sweeps;

/// <summary>Whether a ranking metric is better lower or higher.</summary>
public enum MetricGoal
{
    Minimize,
    Maximize,
}
