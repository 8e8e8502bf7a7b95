namespace SweepCluster.Training.Native;

/// <summary>
/// Why CUDA is not available, in words a user can act on: the libtorch in use was built for the CPU only, or it has
/// CUDA but the process sees no NVIDIA driver or no GPU.
/// </summary>
public static class CudaDiagnosis
{
    private const string DriverVersionFile = "/proc/driver/nvidia/version";

    /// <param name="initializationError">What libtorch said when asked about CUDA, if it threw (<see cref="CudaProbe"/>).</param>
    public static string WhyUnavailable(string? libTorchFolder, string? initializationError = null)
    {
        var reason = Reason(libTorchFolder);
        return initializationError is null ? reason : $"initialising CUDA failed: {initializationError}. Besides: {reason}";
    }

    private static string Reason(string? libTorchFolder)
    {
        if (!HasCudaLibTorch(libTorchFolder))
        {
            return libTorchFolder is null
                ? "this build bundles the CPU-only libtorch. Fix: run a build published with -p:BundleLibTorch=false and set "
                    + TorchRuntime.LibTorchVariable + " to a CUDA PyTorch install's lib folder, "
                    + "$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib (README, \"Run on GPUs\"); or use --devices cpu"
                : $"the libtorch in {TorchRuntime.LibTorchVariable}={libTorchFolder} is CPU-only (no libtorch_cuda.so there). "
                    + "Fix: point it at the lib folder of a PyTorch install built with CUDA, or use --devices cpu";
        }
        if (!File.Exists(DriverVersionFile))
        {
            return "libtorch has CUDA but no NVIDIA driver is loaded on this machine (no " + DriverVersionFile + "). "
                + "Fix: install the NVIDIA driver (nvidia-smi should list the GPUs); in a container, start it with the GPUs passed in "
                + "(docker run --gpus all, or the compose 'cuda' profile); or use --devices cpu";
        }
        var visible = Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES");
        return "libtorch has CUDA and the NVIDIA driver is loaded, but no GPU is visible to this process"
            + (visible is null ? "" : $" (CUDA_VISIBLE_DEVICES='{visible}')")
            + ". Fix: check nvidia-smi and CUDA_VISIBLE_DEVICES, or use --devices cpu";
    }

    /// <summary>A libtorch with CUDA ships libtorch_cuda.so beside libtorch.so; the bundled CPU package has none.</summary>
    private static bool HasCudaLibTorch(string? libTorchFolder)
    {
        if (libTorchFolder is not null)
        {
            return File.Exists(Path.Combine(libTorchFolder, "libtorch_cuda.so"));
        }
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "libtorch_cuda.so", SearchOption.AllDirectories).Any();
    }
}
