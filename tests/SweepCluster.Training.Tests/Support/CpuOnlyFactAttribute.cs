using SweepCluster.Training.Native;

namespace SweepCluster.Training.Tests.Support;

/// <summary>A test of what happens without a GPU: skipped, saying so, on a machine where CUDA is available.</summary>
public sealed class CpuOnlyFactAttribute : FactAttribute
{
    public CpuOnlyFactAttribute()
    {
        if (GpuFactAttribute.WhyNoGpu() is null)
        {
            Skip = "SKIPPED: this machine has a CUDA GPU; the test checks the behaviour without one";
        }
    }
}
