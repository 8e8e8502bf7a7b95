namespace SweepCluster.Core.Sweeps;

/// <summary>The YAML type a parameter's values must have.</summary>
internal enum ValueKind
{
    Real,
    Integer,
    Boolean,
    Choice,
    IntList,
    Text,
}
