namespace SweepCluster.Core.Sweeps;

/// <summary>How the L1 term acts: added to the loss, or applied as a soft-threshold after each step.</summary>
public enum L1Mode
{
    Penalty,
    Proximal,
}
