namespace SweepCluster.IntegrationTests;

/// <summary>
/// A test of what the CLI does on a machine without a usable GPU: skipped, saying so, where the CLI it starts could
/// use CUDA (it was built with a CUDA libtorch, and an NVIDIA driver is loaded). The processes the tests start never
/// inherit SWEEPCLUSTER_LIBTORCH (<see cref="NodeProcess"/>), so a build with the bundled CPU libtorch is CPU-only anywhere.
/// </summary>
public sealed class CpuOnlyCliFactAttribute : FactAttribute
{
    public CpuOnlyCliFactAttribute()
    {
        var cli = Path.GetDirectoryName(CliBinary.Path)!;
        var cudaLibTorch = Directory.EnumerateFiles(cli, "libtorch_cuda.so", SearchOption.AllDirectories).Any();
        if (cudaLibTorch && File.Exists("/proc/driver/nvidia/version"))
        {
            Skip = "SKIPPED: the CLI under test has a CUDA libtorch and this machine an NVIDIA driver; the test checks the behaviour without a GPU";
        }
    }
}
