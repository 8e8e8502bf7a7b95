using System.CommandLine;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests;

public sealed class NodeOptionsTests
{
    private static readonly EnvironmentSettings Environment = new(name => name switch
    {
        "SWEEPCLUSTER_HOST" => "node-a.example",
        "SWEEPCLUSTER_PORT" => "5000",
        "SWEEPCLUSTER_SEEDS" => "akka.tcp://sweepcluster@seed-1.example:4053, akka.tcp://sweepcluster@seed-2.example:4053",
        "SWEEPCLUSTER_STABLE_AFTER" => "2.5",
        _ => null,
    });

    [Fact]
    public void Arguments_win_over_the_environment_which_fills_in_the_rest()
    {
        // given SWEEPCLUSTER_* variables and a command line that sets only the port
        var node = new NodeOptions();
        var command = new Command("worker");
        foreach (var option in node.All())
        {
            command.Options.Add(option);
        }

        // when the node's settings are resolved
        var result = command.Parse("--port 6000");

        // then the port comes from the argument, everything else from the environment
        Assert.Equal("node-a.example", node.ResolveHost(result, Environment));
        Assert.Equal(6000, node.ResolvePort(result, Environment, 0));
        Assert.Equal(["akka.tcp://sweepcluster@seed-1.example:4053", "akka.tcp://sweepcluster@seed-2.example:4053"], node.ResolveSeeds(result, Environment));
        Assert.Equal(TimeSpan.FromSeconds(2.5), node.ResolveFailureDetection(result, Environment).StableAfter);
    }

    [Fact]
    public void Seed_that_is_not_an_akka_address_is_reported_by_option()
    {
        Assert.Equal(["--seeds: 'seed-1:4053' is not an address like akka.tcp://sweepcluster@HOST:PORT"], NodeOptions.Problems(4053, ["seed-1:4053"]));
    }

    [Fact]
    public void Environment_value_that_does_not_parse_names_the_variable()
    {
        var env = new EnvironmentSettings(_ => "abc");
        Assert.Equal("SWEEPCLUSTER_PORT: not an integer: 'abc'", Assert.Throws<FormatException>(() => env.Integer("PORT")).Message);
    }
}
