using System.Runtime.InteropServices;
using Serilog;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM (docker stop, kill) into a cancellation, once, so that a sweep stops cleanly
/// and a cluster node leaves the cluster cleanly (a worker hands its trial back first) instead of the runtime's
/// default exit. <c>consequence</c> says what happens, for the log. A second signal exits at once (the runtime's
/// default: the process ends by that signal, 130 or 143 to a shell). <see cref="Received"/> names the first one, for
/// the exit code.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public StopSignals(string consequence)
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, consequence));
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, consequence));
    }

    public CancellationToken Token => stop.Token;

    /// <summary>The signal that stopped the command; null while none came.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>The conventional exit status after <see cref="Received"/>: 128 + its number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? 143 : 130;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context, string consequence)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        Received = context.Signal;
        Log.Warning("{Signal}: {Consequence}; signal again to quit at once", context.Signal, consequence);
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command ended meanwhile (Akka's own shutdown hook saw the same signal) and disposed this: nothing is
            // left to stop. Unhandled, this printed a stack trace on the signal thread.
        }
    }
}
