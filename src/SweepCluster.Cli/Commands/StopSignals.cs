using System.Runtime.InteropServices;
using Serilog;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation, once, so that a cluster node leaves the cluster cleanly (a
/// worker hands its trial back first) instead of the runtime's default exit. A second signal exits at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public StopSignals(string what)
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, what));
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, what));
    }

    public CancellationToken Token => stop.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context, string what)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        Log.Warning("{Signal}: {What} is leaving the cluster; signal again to quit at once", context.Signal, what);
        stop.Cancel();
    }
}
