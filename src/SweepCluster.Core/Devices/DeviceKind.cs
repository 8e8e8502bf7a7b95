namespace SweepCluster.Core.Devices;

/// <summary>What <c>--devices</c> asked for: whatever is there, the CPU, or CUDA devices.</summary>
public enum DeviceKind
{
    Auto,
    Cpu,
    Cuda,
}
