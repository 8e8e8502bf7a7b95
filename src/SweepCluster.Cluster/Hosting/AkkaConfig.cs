using Akka.Configuration;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// The HOCON of an in-process sweep: local actors, Akka's logging routed to Serilog. Akka's own stdout logger is off:
/// at DEBUG (which lets the per-epoch events reach the log file) it would print its shutdown chatter to the console.
/// </summary>
public static class AkkaConfig
{
    public const string SerilogLogger = "Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog";

    public static Config Embedded(string logLevel) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = {{logLevel}}
          stdout-loglevel = OFF
          loggers = ["{{SerilogLogger}}"]
          log-dead-letters-during-shutdown = off
          actor.provider = local
        }
        """);
}
