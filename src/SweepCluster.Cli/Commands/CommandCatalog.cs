using System.CommandLine;

namespace SweepCluster.Cli.Commands;

/// <summary>Every verb of the <c>sweepcluster</c> command, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return CoordinatorCommand.Create();
        yield return WorkerCommand.Create();
        yield return ValidateCommand.Create();
        yield return MonitorCommand.Create();
        yield return LeaderboardCommand.Create();
        yield return PredictCommand.Create();
        yield return BenchCommand.Create();
    }
}
