using SweepCluster.Training.Native;

namespace SweepCluster.Training.Tests.Support;

/// <summary>A test that needs a CUDA GPU: skipped, saying why, on machines without one (CI has none).</summary>
public sealed class GpuFactAttribute : FactAttribute
{
    public GpuFactAttribute()
    {
        if (WhyNoGpu() is { } reason)
        {
            Skip = "SKIPPED: no CUDA GPU here (" + reason + "); scripts/gpu-check.sh runs the GPU path on a GPU machine";
        }
    }

    /// <summary>Null where CUDA works, else why not.</summary>
    internal static string? WhyNoGpu()
    {
        try
        {
            var probe = TorchRuntime.ProbeCuda();
            return probe.IsAvailable ? null : CudaDiagnosis.WhyUnavailable(TorchRuntime.LibTorchFolder, probe.InitializationError).Split('.')[0];
        }
        catch (Exception e) when (e is NativeRuntimeException or DeviceUnavailableException)
        {
            return e.Message;
        }
    }
}
