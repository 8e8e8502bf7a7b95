namespace SweepCluster.Core.Sweeps;

/// <summary>The optimizer a trial trains with.</summary>
public enum OptimizerKind
{
    Adam,
    Sgd,
}
