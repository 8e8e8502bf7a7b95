using System.CommandLine;
using SweepCluster.Cli.Commands;
using SweepCluster.Cli.Devices;

namespace SweepCluster.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var exitCode = BuildRootCommand().Parse(args).Invoke();
        LibTorchTeardown.SkipAtExit(exitCode);
        return exitCode;
    }

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("SweepCluster: hyperparameter sweeps for L1-regularized feed-forward networks.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}
