using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;
using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cli.Logging;

/// <summary>
/// Serilog from the first line: human-readable console output (to stderr, so stdout keeps the
/// command's own output; numbers rounded by <see cref="ConsoleNumberFormat"/>) and, with a log folder, one
/// CLEF JSON file per node for <c>monitor</c> and Seq, at full precision. Akka's events about expected network
/// faults reach both at Debug (<see cref="ExpectedFaultDemotion"/>): the file keeps them, the console shows the node's
/// one line per fault instead.
/// </summary>
public static class LoggingSetup
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(string? logDirectory, string node, LogEventLevel consoleLevel = LogEventLevel.Information)
    {
        if (!string.IsNullOrWhiteSpace(logDirectory))
        {
            Directory.CreateDirectory(logDirectory);
        }
        var classifier = new AkkaFaultClassifier();
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Akka", LogEventLevel.Warning)
            .Enrich.WithProperty("Node", node);
        var demoted = LoggerSinkConfiguration.Wrap(sinks => new ExpectedFaultDemotion(sinks, classifier), sinks =>
        {
            sinks.Console(outputTemplate: ConsoleTemplate, formatProvider: ConsoleNumberFormat.Instance, restrictedToMinimumLevel: consoleLevel,
                standardErrorFromLevel: LogEventLevel.Verbose);
            if (!string.IsNullOrWhiteSpace(logDirectory))
            {
                sinks.File(new CompactJsonFormatter(), Path.Combine(logDirectory, $"{SafeFileName(node)}.clef"), restrictedToMinimumLevel: LogEventLevel.Debug);
            }
        });
        return configuration.WriteTo.Sink(demoted).CreateLogger();
    }

    private static string SafeFileName(string node) =>
        string.Concat(node.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
