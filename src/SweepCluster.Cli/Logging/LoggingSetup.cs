using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SweepCluster.Cli.Logging;

/// <summary>
/// Serilog from the first line: human-readable console output (to stderr, so stdout keeps the
/// command's own output; numbers rounded by <see cref="ConsoleNumberFormat"/>) and, with a log folder, one
/// CLEF JSON file per node for <c>monitor</c> and Seq, at full precision.
/// </summary>
public static class LoggingSetup
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(string? logDirectory, string node, LogEventLevel consoleLevel = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Akka", LogEventLevel.Warning)
            .Enrich.WithProperty("Node", node)
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: ConsoleNumberFormat.Instance, restrictedToMinimumLevel: consoleLevel,
                standardErrorFromLevel: LogEventLevel.Verbose);
        if (!string.IsNullOrWhiteSpace(logDirectory))
        {
            Directory.CreateDirectory(logDirectory);
            configuration = configuration.WriteTo.File(new CompactJsonFormatter(), Path.Combine(logDirectory, $"{SafeFileName(node)}.clef"), restrictedToMinimumLevel: LogEventLevel.Debug);
        }
        return configuration.CreateLogger();
    }

    private static string SafeFileName(string node) =>
        string.Concat(node.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
