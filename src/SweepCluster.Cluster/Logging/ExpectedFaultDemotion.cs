using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace SweepCluster.Cluster.Logging;

/// <summary>
/// A Serilog sink wrapper: Akka's log events about expected network faults (<see cref="AkkaFaultClassifier"/>) reach
/// the wrapped sinks at Debug, with their exception and an <c>ExpectedFault</c> property naming the kind, so that the
/// console (Information and up) leaves them out and the log file keeps them in full. Every other event passes as it
/// is: a real error still prints in full. The console's one line per fault comes from the node's fault reporter.
/// </summary>
public sealed class ExpectedFaultDemotion(ILogEventSink inner, AkkaFaultClassifier classifier) : ILogEventSink, IDisposable, IAsyncDisposable
{
    public const string FaultProperty = "ExpectedFault";

    /// <summary>The property that carries Akka's own message where the template wraps it (<see cref="SerilogStdoutLogger"/>).</summary>
    public const string AkkaMessageProperty = "AkkaMessage";

    public void Emit(LogEvent logEvent)
    {
        inner.Emit(Demoted(logEvent) ?? logEvent);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable asynchronous)
        {
            return asynchronous.DisposeAsync();
        }
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The event at Debug when it is an expected fault of Akka's, else null.</summary>
    public LogEvent? Demoted(LogEvent logEvent)
    {
        if (logEvent.Level <= LogEventLevel.Debug || Text(logEvent, "SourceContext") is not { } source || !source.StartsWith("Akka", StringComparison.Ordinal))
        {
            return null;
        }
        var message = Text(logEvent, AkkaMessageProperty) ?? RenderPlain(logEvent);
        if (classifier.Classify(new AkkaLogLine(source, Text(logEvent, "LogSource"), message, logEvent.Exception)) is not { } fault)
        {
            return null;
        }
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value))
            .Append(new LogEventProperty(FaultProperty, new ScalarValue(fault.Kind.ToString())));
        return new LogEvent(logEvent.Timestamp, LogEventLevel.Debug, logEvent.Exception, logEvent.MessageTemplate, properties);
    }

    /// <summary>The message with string values as they are (Serilog's own rendering quotes them).</summary>
    public static string RenderPlain(LogEvent logEvent) => string.Concat(logEvent.MessageTemplate.Tokens.Select(token => token switch
    {
        PropertyToken property when logEvent.Properties.TryGetValue(property.PropertyName, out var value) => value is ScalarValue scalar
            ? scalar.Value?.ToString() ?? "" : value.ToString(),
        _ => token.ToString(),
    }));

    private static string? Text(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } scalar } ? scalar.ToString() : null;
}
