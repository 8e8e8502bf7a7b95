using Serilog;
using Serilog.Core;
using Serilog.Events;
using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Tests;

public sealed class ExpectedFaultDemotionTests
{
    [Fact]
    public void Akkas_expected_fault_reaches_the_sinks_at_debug_with_its_exception_and_a_real_error_stays_an_error()
    {
        // given a logger whose sinks are behind the demotion, as the CLI sets it up
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.Sink(new ExpectedFaultDemotion(sink, new AkkaFaultClassifier())).CreateLogger();
        var remoting = logger.ForContext("SourceContext", "Akka.Actor.OneForOneStrategy")
            .ForContext("LogSource", "akka://sweepcluster/system/endpointManager/reliableEndpointWriter-akka.tcp%3A%2F%2Fsweepcluster%40127.0.0.1%3A59403-3/endpointWriter");

        // when Akka logs a lost connection as an error with a stack trace, and then a real error
        remoting.Error(new EndpointDisassociatedException("Disassociated"), "Disassociated");
        remoting.Error(new InvalidOperationException("boom"), "Object reference not set to an instance of an object.");

        // then the first arrives at Debug with its exception and kind (the file keeps it, the console does not show it)
        Assert.Equal(2, sink.Events.Count);
        var demoted = sink.Events[0];
        Assert.Equal(LogEventLevel.Debug, demoted.Level);
        Assert.IsType<EndpointDisassociatedException>(demoted.Exception);
        Assert.Equal("\"ConnectionLost\"", demoted.Properties[ExpectedFaultDemotion.FaultProperty].ToString());
        // and the real error is as it was
        Assert.Equal(LogEventLevel.Error, sink.Events[1].Level);
    }

    [Fact]
    public void Akkas_positional_templates_and_the_stdout_loggers_wrapped_message_are_both_read()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new ExpectedFaultDemotion(sink, new AkkaFaultClassifier())).CreateLogger();
        var akka = logger.ForContext("SourceContext", "Akka.Remote.ReliableDeliverySupervisor");

        akka.Warning("Association with remote system {0} has failed; address is now gated for {1} ms. Reason is: [{2}]",
            "akka.tcp://sweepcluster@127.0.0.1:59403", 1000, "Akka.Remote.EndpointDisassociatedException: Disassociated\n   at Akka.Actor.ActorCell.Invoke(Envelope envelope)");
        akka.Warning("{LogSource}: {AkkaMessage}", "remoting (akka://sweepcluster)",
            "Tried to associate with unreachable remote address [akka.tcp://sweepcluster@127.0.0.1:59403]. Address is now gated for 1000 ms. Reason: [Connection refused]");

        Assert.All(sink.Events, e => Assert.Equal(LogEventLevel.Debug, e.Level));
    }

    [Fact]
    public void Our_own_warnings_are_never_demoted()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new ExpectedFaultDemotion(sink, new AkkaFaultClassifier())).CreateLogger();

        logger.ForContext("SourceContext", "SweepCluster.Cluster.Hosting.NetworkFaultReporter")
            .Warning("{Peer} {Fault}; {Next}", "coordinator 10.0.0.5:4053", "unreachable (no heartbeats)", "retrying every 2 s, giving up in 9 m 58 s");

        Assert.Equal(LogEventLevel.Warning, Assert.Single(sink.Events).Level);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private sealed class EndpointDisassociatedException(string message) : Exception(message);
}
