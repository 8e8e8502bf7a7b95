using SweepCluster.Core.Devices;
using SweepCluster.Training.Native;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Devices;

/// <summary>
/// Loads libtorch and resolves the devices asked for before a node writes anything, so that a missing libtorch folder,
/// CUDA asked for where there is none, or an unknown GPU index ends the command at once with one line saying why.
/// </summary>
public static class DeviceCheck
{
    /// <returns>The devices, or null after writing the problem to <paramref name="error"/>; <paramref name="exitCode"/> then says which kind.</returns>
    public static IReadOnlyList<string>? TryResolve(DeviceRequest request, TextWriter error, out int exitCode)
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            if (TorchRuntime.CompatibilityWarning is { } warning)
            {
                error.WriteLine("warning: " + warning);
            }
            var devices = DeviceSelector.Devices(request);
            exitCode = ExitCodes.Success;
            return devices;
        }
        catch (DeviceUnavailableException e)
        {
            error.WriteLine(e.Message);
            exitCode = ExitCodes.BadInput;
        }
        catch (NativeRuntimeException e)
        {
            // The machine's runtime, not the user's input: the message names the fix (scripts/setup-native.sh).
            error.WriteLine(e.Message);
            exitCode = ExitCodes.TrialsFailed;
        }
        return null;
    }
}
