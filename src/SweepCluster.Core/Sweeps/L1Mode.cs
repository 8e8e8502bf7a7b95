namespace SweepCluster.Core.Sweeps;

/// <summary>
/// How the L1 term acts: added to the loss (<see cref="Penalty"/>), applied as an element-wise soft-threshold after each step
/// (<see cref="Proximal"/>), or as a group soft-threshold over whole input columns and/or hidden units (<see cref="Group"/>,
/// with <see cref="L1Groups"/>).
/// </summary>
public enum L1Mode
{
    Penalty,
    Proximal,
    Group,
}
