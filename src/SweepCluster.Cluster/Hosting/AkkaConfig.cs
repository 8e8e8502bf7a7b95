using Akka.Configuration;

namespace SweepCluster.Cluster.Hosting;

/// <summary>The HOCON of an in-process sweep: local actors, Akka's logging routed to Serilog.</summary>
public static class AkkaConfig
{
    public const string SerilogLogger = "Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog";

    public static Config Embedded(string logLevel) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = {{logLevel}}
          stdout-loglevel = WARNING
          loggers = ["{{SerilogLogger}}"]
          log-dead-letters-during-shutdown = off
          actor.provider = local
        }
        """);
}
