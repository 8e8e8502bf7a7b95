namespace SweepCluster.Core.Sweeps;

/// <summary>
/// The groups of <c>l1_mode: group</c>: <see cref="Inputs"/> = each column of the first weight matrix (all weights leaving one
/// input); <see cref="Neurons"/> = each hidden unit's incoming weights (a row of every weight matrix but the last);
/// <see cref="Both"/> = both sets.
/// </summary>
public enum L1Groups
{
    Inputs,
    Neurons,
    Both,
}
