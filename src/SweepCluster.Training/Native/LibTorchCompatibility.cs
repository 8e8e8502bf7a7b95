using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SweepCluster.Training.Native;

/// <summary>
/// Checks a libtorch named by <see cref="TorchRuntime.LibTorchVariable"/> (a PyTorch install's <c>torch/lib</c>) against
/// TorchSharp's native bridge before anything trains. The version number alone decides nothing: PyTorch 2.11's libtorch
/// links cleanly with TorchSharp 0.107's bridge, built for 2.10. What decides is whether every symbol the bridge needs is
/// there, so the bridge is loaded with every symbol bound at once (<c>RTLD_NOW</c>) instead of lazily, where a missing
/// one would abort the process in the middle of a sweep at its first call.
/// </summary>
public static partial class LibTorchCompatibility
{
    /// <summary>The libtorch TorchSharp 0.107 is built against (the libtorch-cpu-linux-x64 version in Directory.Packages.props).</summary>
    public const string ExpectedVersion = "2.10";

    public const string BridgeFileName = "libLibTorchSharp.so";

    private const int BindNow = 2; // RTLD_NOW

    /// <summary>
    /// Loads <paramref name="bridge"/> with every undefined symbol resolved now, against the libtorch already loaded from
    /// <paramref name="folder"/>; throws <see cref="DeviceUnavailableException"/> naming the folder, the first missing symbol
    /// and the version TorchSharp expects when it does not link.
    /// </summary>
    public static void BindBridge(string folder, string bridge)
    {
        // Bound (and any stale error cleared) before dlopen: binding it after would look it up with dlsym, which clears dlopen's error.
        LastError();
        if (OpenNow(bridge, BindNow) != IntPtr.Zero)
        {
            return;
        }
        var reason = Marshal.PtrToStringUTF8(LastError()) ?? "dlopen failed without a reason";
        throw new DeviceUnavailableException(LinkFailure(folder, reason));
    }

    /// <summary>The one-line message for a bridge that did not link; names the missing symbol when that is the reason.</summary>
    public static string LinkFailure(string folder, string loaderReason)
    {
        var found = FolderVersion(folder);
        var versions = $"TorchSharp expects libtorch {ExpectedVersion}" + (found is null ? "" : $", this folder has {found}");
        var missing = UndefinedSymbol().Match(loaderReason);
        var what = missing.Success
            ? $"the libtorch there lacks the symbol {missing.Groups[1].Value}"
            : $"TorchSharp's {BridgeFileName} does not load with it ({loaderReason.Trim()})";
        return $"{TorchRuntime.LibTorchVariable}={folder}: {what}; {versions}. Fix: point it at the torch/lib folder of a PyTorch {ExpectedVersion} install, or unset it to use the bundled CPU libtorch";
    }

    /// <summary>Null when the folder's PyTorch version is <see cref="ExpectedVersion"/> or not known; else a one-line warning.</summary>
    public static string? VersionWarning(string folder)
    {
        var found = FolderVersion(folder);
        if (found is null || SameRelease(found, ExpectedVersion))
        {
            return null;
        }
        return $"{TorchRuntime.LibTorchVariable}={folder} is libtorch {found}, TorchSharp is built for {ExpectedVersion}: every symbol it needs links, so it is used";
    }

    /// <summary>The PyTorch version of a <c>torch/lib</c> folder, from <c>torch/version.py</c> beside it; null when there is none.</summary>
    public static string? FolderVersion(string folder)
    {
        var versionFile = Path.Combine(folder, "..", "version.py");
        if (!File.Exists(versionFile))
        {
            return null;
        }
        var match = VersionLine().Match(File.ReadAllText(versionFile));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>2.10.0+cu130 is release 2.10.</summary>
    private static bool SameRelease(string version, string release) =>
        version == release || version.StartsWith(release + ".", StringComparison.Ordinal) || version.StartsWith(release + "+", StringComparison.Ordinal);

    [GeneratedRegex(@"^__version__\s*=\s*['""]([^'""]+)['""]", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"undefined symbol:\s*(\S+)")]
    private static partial Regex UndefinedSymbol();

    [DllImport("libc.so.6", EntryPoint = "dlopen")]
    private static extern IntPtr OpenNow([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("libc.so.6", EntryPoint = "dlerror")]
    private static extern IntPtr LastError();
}
