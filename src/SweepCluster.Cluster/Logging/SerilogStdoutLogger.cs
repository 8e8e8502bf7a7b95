using Akka.Event;
using Serilog.Core;
using Serilog.Events;
using AkkaLogEvent = Akka.Event.LogEvent;

namespace SweepCluster.Cluster.Logging;

/// <summary>
/// Akka's stand-in for the console (<c>akka.stdout-logger-class</c>): it gets what no configured logger can take,
/// i.e. events before the Serilog logger starts and whatever is still in that logger's mailbox when it stops at
/// shutdown. Akka's own StandardOutLogger prints those raw to stdout whatever their level (the
/// <c>[DEBUG] … Shutting down: StandardOutLogger started</c> line at every exit); here they go to Serilog, where
/// the level overrides apply like for every other Akka event, so the console keeps Serilog's format.
/// </summary>
public sealed class SerilogStdoutLogger : MinimalLogger
{
    private const string Template = "{LogSource}: {" + ExpectedFaultDemotion.AkkaMessageProperty + "}";

    protected override void Log(object message)
    {
        if (message is not AkkaLogEvent e)
        {
            return;
        }
        Serilog.Log.ForContext(Constants.SourceContextPropertyName, e.LogClass?.FullName ?? "Akka")
            .Write(LevelOf(e.LogLevel()), e.Cause, Template, e.LogSource, e.Message?.ToString());
    }

    private static LogEventLevel LevelOf(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => LogEventLevel.Debug,
        LogLevel.InfoLevel => LogEventLevel.Information,
        LogLevel.WarningLevel => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
