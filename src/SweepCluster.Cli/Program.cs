using System.CommandLine;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRootCommand().Parse(args).Invoke();

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
