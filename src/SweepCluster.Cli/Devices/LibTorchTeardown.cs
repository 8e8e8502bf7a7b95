using System.Runtime.InteropServices;
using SweepCluster.Training.Native;

namespace SweepCluster.Cli.Devices;

/// <summary>
/// Skips libtorch's teardown at exit. Once a command has returned, everything it wrote is closed and flushed, and what is
/// left for a process that loaded libtorch is libc running libtorch's static destructors: its operator registry takes
/// 70-90 ms on 2 cores (measured with perf on a 1-trial sweep: c10::Dispatcher::deregisterImpl_ and the frees under it),
/// most of a small sweep's shutdown. So the last ProcessExit handler, after the runtime's and Akka's own, ends the
/// process with <c>_exit</c> and the command's exit code, as PyTorch programs do with <c>os._exit</c>.
/// </summary>
internal static class LibTorchTeardown
{
    /// <summary>
    /// After the command returned <paramref name="exitCode"/>: when libtorch was loaded, the process ends at the end of the
    /// runtime's shutdown, without libtorch's destructors. Call it last, so that its handler runs after every other.
    /// </summary>
    public static void SkipAtExit(int exitCode)
    {
        if (!TorchRuntime.IsLoaded)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => EndNow(exitCode);
    }

    private static void EndNow(int exitCode)
    {
        Serilog.Log.CloseAndFlush();
        Console.Out.Flush();
        Console.Error.Flush();
        RemoveDebuggerPipes();
        ExitWithoutTeardown(exitCode);
    }

    // The runtime removes its debugger pipes after the ProcessExit handlers; _exit would leave them in the temp folder.
    private static void RemoveDebuggerPipes()
    {
        try
        {
            foreach (var pipe in Directory.EnumerateFiles(Path.GetTempPath(), $"clr-debug-pipe-{Environment.ProcessId}-*"))
            {
                File.Delete(pipe);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a pipe left behind is litter, not a failure of the command
        }
    }

    [DllImport("libc.so.6", EntryPoint = "_exit")]
    private static extern void ExitWithoutTeardown(int status);
}
