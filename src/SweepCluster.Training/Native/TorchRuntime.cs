using System.Runtime.InteropServices;
using TorchSharp;

namespace SweepCluster.Training.Native;

/// <summary>
/// Loads libtorch before the first TorchSharp call. By default TorchSharp finds the bundled
/// libtorch-cpu package. When <see cref="LibTorchVariable"/> names a folder (an existing
/// PyTorch/CUDA install's <c>torch/lib</c>), that libtorch is loaded instead, and TorchSharp's own
/// <c>libLibTorchSharp.so</c> from the application folder after it.
/// </summary>
public static class TorchRuntime
{
    public const string LibTorchVariable = "SWEEPCLUSTER_LIBTORCH";

    private static readonly Lock Gate = new();
    private static volatile bool loaded;

    /// <summary>True once libtorch is loaded and initialised in this process.</summary>
    public static bool IsLoaded => loaded;

    /// <summary>Makes sure libtorch is loaded; throws <see cref="NativeRuntimeException"/> with the fix when it cannot be.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded)
            {
                return;
            }
            if (LibTorchFolder is { } folder)
            {
                LoadFromFolder(folder);
            }
            InitializeCpu();
            loaded = true;
        }
    }

    /// <summary>
    /// Starts <see cref="EnsureLoaded"/> on a pool thread, so that loading libtorch (a tenth of a second or more) overlaps
    /// what a command does before it needs it (parsing the sweep file, checking the data). A failure is not lost: the
    /// next caller of <see cref="EnsureLoaded"/> loads again and gets the error, which it reports as it always does.
    /// </summary>
    public static void StartLoading() => _ = Task.Run(() =>
    {
        try
        {
            EnsureLoaded();
        }
        catch (Exception)
        {
            // reported by the command's own EnsureLoaded (DeviceCheck), with its exit code
        }
    });

    /// <summary>The libtorch folder named by <see cref="LibTorchVariable"/>, or null when the bundled libtorch is used.</summary>
    public static string? LibTorchFolder =>
        Environment.GetEnvironmentVariable(LibTorchVariable) is { } folder && !string.IsNullOrWhiteSpace(folder) ? folder : null;

    /// <summary>True when CUDA is usable (libtorch with CUDA loaded and a GPU visible).</summary>
    public static bool CudaAvailable() => ProbeCuda().IsAvailable;

    /// <summary>Asks libtorch whether CUDA is usable; an exception while it initialises CUDA is kept as the reason, not swallowed.</summary>
    public static CudaProbe ProbeCuda()
    {
        EnsureLoaded();
        try
        {
            return torch.cuda.is_available() ? CudaProbe.Available : CudaProbe.NotAvailable;
        }
        catch (Exception e) when (e is not NativeRuntimeException)
        {
            // A CPU-only libtorch may refuse to initialise CUDA instead of answering false; a CUDA one whose driver is too
            // old throws here too. Either way the message says more than "false" would.
            return new CudaProbe(false, e.Message.Trim());
        }
    }

    /// <summary>Visible CUDA devices; 0 when CUDA is not available.</summary>
    public static int CudaDeviceCount() => CudaAvailable() ? torch.cuda.device_count() : 0;

    /// <summary>
    /// Checks that <paramref name="folder"/> can be a libtorch folder before anything is loaded from it, so that a typo
    /// is bad input named by folder (exit 2), not a load failure.
    /// </summary>
    public static void CheckFolder(string folder)
    {
        const string hint = "it should name the 'lib' folder of a PyTorch install, e.g. $(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib";
        if (!Directory.Exists(folder))
        {
            throw new DeviceUnavailableException($"{LibTorchVariable}={folder}: no such folder ({hint})");
        }
        if (!File.Exists(Path.Combine(folder, "libtorch.so")))
        {
            throw new DeviceUnavailableException($"{LibTorchVariable}={folder}: the folder has no libtorch.so ({hint})");
        }
    }

    private static void LoadFromFolder(string folder)
    {
        CheckFolder(folder);
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                NativeLibrary.Load(path);
            }
        }
        if (BridgePath() is { } bridge)
        {
            // Every symbol bound now: a libtorch that lacks one is refused here, not by an abort mid-sweep.
            LibTorchCompatibility.BindBridge(folder, bridge);
            NativeLibrary.Load(bridge);
        }
        CompatibilityWarning = LibTorchCompatibility.VersionWarning(folder);
    }

    /// <summary>
    /// A warning to print once at start: the libtorch of <see cref="LibTorchVariable"/> is another version than TorchSharp's,
    /// though it links. Null when there is nothing to say.
    /// </summary>
    public static string? CompatibilityWarning { get; private set; }

    /// <summary>TorchSharp's bridge: beside the app in a publish, under runtimes/ in a build.</summary>
    private static string? BridgePath() =>
        new[]
        {
            Path.Combine(AppContext.BaseDirectory, LibTorchCompatibility.BridgeFileName),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibTorchCompatibility.BridgeFileName),
        }.FirstOrDefault(File.Exists);

    private static void InitializeCpu()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is not NativeRuntimeException and not DeviceUnavailableException)
        {
            var hint = e.ToString().Contains("GLIBCXX", StringComparison.Ordinal)
                ? "The C++ runtime is too old (TorchSharp needs GLIBCXX_3.4.32, GCC 13+). Run scripts/setup-native.sh (as root on Debian 12 it installs the fix)."
                : "Run scripts/setup-native.sh, or set " + LibTorchVariable + " to a libtorch 'lib' folder.";
            throw new NativeRuntimeException($"TorchSharp's native library could not be loaded. {hint}", e);
        }
    }
}
