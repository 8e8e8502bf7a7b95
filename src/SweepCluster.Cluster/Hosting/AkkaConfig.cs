using System.Globalization;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// The HOCON of our actor systems: Akka's logging routed to Serilog and our messages bound to our serializer
/// everywhere; local actors and a journal (SQLite in the output folder for <c>run</c>) in one process (<see cref="Embedded"/>); the cluster,
/// split-brain resolver and SQL journal on a cluster node (<see cref="ClusterNode"/>).
/// Akka's stdout logger is <see cref="SerilogStdoutLogger"/>: Akka's own one printed the events left in the Serilog
/// logger's mailbox at shutdown raw to stdout, whatever stdout-loglevel said.
/// </summary>
public static class AkkaConfig
{
    public const string SerilogLogger = "Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog";

    private static readonly string StdoutLogger = Qualified(typeof(SerilogStdoutLogger));

    public const string CoordinatorRole = "coordinator";

    public const string WorkerRole = "worker";

    public const string SystemName = "sweepcluster";

    /// <summary>The largest message remoting carries: 32 MiB (see docs/architecture.md, "Large messages").</summary>
    public const long MaximumFrameBytes = 32L * 1024 * 1024;

    /// <summary>How often a node that is not in the cluster (yet) tries its seeds again.</summary>
    public static readonly TimeSpan JoinRetry = TimeSpan.FromSeconds(2);

    /// <summary>One process, local actors; the coordinator journals to <paramref name="journal"/> (in memory when not given).</summary>
    public static Config Embedded(string logLevel, JournalOptions? journal = null) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = {{logLevel}}
          stdout-loglevel = WARNING
          stdout-logger-class = "{{StdoutLogger}}"
          loggers = ["{{SerilogLogger}}"]
          log-dead-letters-during-shutdown = off
          actor.provider = local
        }
        """).WithFallback(Journal(journal ?? JournalOptions.InMemory)).WithFallback(Serialization());

    /// <summary>Every <see cref="ISweepMessage"/> goes through <see cref="SweepJsonSerializer"/>.</summary>
    /// <summary>A local actor system that logs nothing, for <see cref="EmbeddedSweep.StartWarmUp"/>.</summary>
    public static Config WarmUp() => ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          loggers = []
          actor.provider = local
        }
        """).WithFallback(Serialization());

    public static Config Serialization() => ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.sweep-json = "{{Qualified(typeof(SweepJsonSerializer))}}"
          serialization-bindings { "{{Qualified(typeof(ISweepMessage))}}" = sweep-json }
          serialization-identifiers { "{{Qualified(typeof(SweepJsonSerializer))}}" = {{SweepJsonSerializer.Id}} }
        }
        """);

    /// <summary>
    /// A cluster node's actor system set-up: <see cref="ClusterNode"/>, and with TLS the cluster's certificate and the
    /// check that every peer presents the same one (mutual TLS, <see cref="ClusterCertificateValidator"/>).
    /// </summary>
    public static ActorSystemSetup ClusterSetup(ClusterNodeOptions node, JournalOptions journal)
    {
        var setup = BootstrapSetup.Create().WithConfig(ClusterNode(node, journal));
        return node.Tls is { } tls
            ? setup.And(new DotNettySslSetup(tls.Certificate, suppressValidation: false, requireMutualAuthentication: true,
                validateCertificateHostname: false, new ClusterCertificateValidator(tls).Callback))
            : ActorSystemSetup.Create(setup);
    }

    /// <summary>
    /// A cluster node. The split-brain resolver keeps the side with the oldest coordinator-role node (the
    /// coordinator is the first seed, so it is the oldest): a dead worker is downed by the coordinator's side,
    /// and workers cut off from the coordinator down themselves and join again when it is back. Keep-majority
    /// would instead down a lone coordinator facing two unreachable-looking workers.
    /// </summary>
    public static Config ClusterNode(ClusterNodeOptions node, JournalOptions journal)
    {
        var seeds = string.Join(", ", node.Seeds.Select(Quote));
        var roles = string.Join(", ", node.Roles.Select(Quote));
        var hocon = $$"""
            akka {
              loglevel = {{node.LogLevel}}
              stdout-loglevel = WARNING
              stdout-logger-class = "{{StdoutLogger}}"
              loggers = ["{{SerilogLogger}}"]
              log-dead-letters-during-shutdown = off
              log-dead-letters = 0
              actor.provider = cluster
              remote {
                dot-netty.tcp {
                  hostname = {{Quote(node.Host)}}
                  port = {{node.Port}}
                  enable-ssl = {{(node.Tls is null ? "off" : "on")}}
                  # an assignment of 256 trials, or a trial's model, is larger than the default 128,000 bytes; the
                  # coordinator still measures what it sends against this (Coordination/FrameBudget.cs)
                  maximum-frame-size = {{MaximumFrameBytes}}b
                }
                # a worker waiting for a coordinator that is not up yet retries soon after it appears
                retry-gate-closed-for = 1s
              }
              cluster {
                seed-nodes = [{{seeds}}]
                roles = [{{roles}}]
                log-info = off
                seed-node-timeout = 2s
                retry-unsuccessful-join-after = {{Seconds(JoinRetry)}}
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-oldest
                  stable-after = {{Seconds(node.FailureDetection.StableAfter)}}
                  keep-oldest { down-if-alone = off, role = {{CoordinatorRole}} }
                }
                failure-detector {
                  heartbeat-interval = {{Seconds(node.FailureDetection.HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Seconds(node.FailureDetection.AcceptableHeartbeatPause)}}
                }
                run-coordinated-shutdown-when-down = on
                # workers wait for a coordinator that may start later; they say so themselves
                singleton-proxy.log-singleton-identification-failure = off
              }
              coordinated-shutdown {
                run-by-clr-shutdown-hook = on
                exit-clr = off
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon).WithFallback(Journal(journal)).WithFallback(Serialization());
    }

    /// <summary>The coordinator's journal (and an unused snapshot store of the same kind).</summary>
    public static Config Journal(JournalOptions journal)
    {
        if (journal.Kind == JournalKind.InMemory)
        {
            return ConfigurationFactory.ParseString("""
                akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
                akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
                """);
        }
        if (journal.Kind == JournalKind.File)
        {
            return ConfigurationFactory.ParseString($$"""
                akka.persistence.journal.plugin = "sweepcluster.file-journal"
                sweepcluster.file-journal {
                  class = "{{Qualified(typeof(Journal.FileJournal))}}"
                  plugin-dispatcher = "akka.persistence.dispatchers.default-plugin-dispatcher"
                  path = {{Quote(journal.ConnectionString)}}
                }
                # the coordinator takes no snapshots
                akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
                """);
        }
        var provider = journal.Kind == JournalKind.Postgres ? "PostgreSQL.15" : "SQLite.MS";
        var connection = Quote(journal.ConnectionString);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql { connection-string = {{connection}}, provider-name = "{{provider}}", auto-initialize = true }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql { connection-string = {{connection}}, provider-name = "{{provider}}", auto-initialize = true }
              }
            }
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }

    private static string Qualified(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
