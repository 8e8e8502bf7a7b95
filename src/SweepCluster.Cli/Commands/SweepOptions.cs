using System.CommandLine;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// The sweep-file argument and the <c>--set</c> option, shared by the verbs that read a sweep (validate, run).
/// Each call makes new instances, since a symbol belongs to one command.
/// </summary>
public static class SweepOptions
{
    public static Argument<FileInfo> SweepFileArgument() => new("sweep-file")
    {
        Description = "The sweep definition (YAML), e.g. sweeps/grid-small.yaml.",
    };

    public static Option<string[]> SetOption() => new("--set")
    {
        Description = "Override a key of the sweep file before validation: --set trials=10 --set training.epochs=5 "
            + "--set parameters.lambda.values=[0,1e-3] (dotted key; the value is YAML). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Loads and validates the sweep; on failure writes every error, one per line, and returns null.</summary>
    public static SweepDefinition? TryLoad(FileInfo file, IReadOnlyList<string> overrides, TextWriter error)
    {
        try
        {
            // FileInfo.ToString() is the path as typed, so errors point at the file the way the user named it.
            return SweepFile.Load(file.ToString(), overrides);
        }
        catch (SweepValidationException e)
        {
            foreach (var problem in e.Errors)
            {
                error.WriteLine(problem.ToString());
            }
            return null;
        }
    }
}
