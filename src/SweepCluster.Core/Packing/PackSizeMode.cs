namespace SweepCluster.Core.Packing;

/// <summary>Whether the pack size is measured per device and workload (<c>auto</c>) or given.</summary>
public enum PackSizeMode
{
    Auto,
    Fixed,
}
