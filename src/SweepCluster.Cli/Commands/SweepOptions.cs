using System.CommandLine;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// The sweep-file argument and the <c>--set</c> option, shared by the verbs that read a sweep (validate, run, coordinator).
/// Each call makes new instances, since a symbol belongs to one command.
/// </summary>
public static class SweepOptions
{
    public static Argument<FileInfo> SweepFileArgument() => new("sweep-file")
    {
        Description = "The sweep definition (YAML), e.g. sweeps/grid-small.yaml.",
    };

    /// <summary><c>--keep-models K</c> of <c>run</c> and <c>coordinator</c>: the top K models kept under models/ (rank 1 also as best/).</summary>
    public static Option<int> KeepModelsOption() => new("--keep-models")
    {
        Description = "Keep the models of the top K trials as <out>/models/<trial_id>/ (rank 1 also as <out>/best/); 0 keeps none.",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>The problem with a <c>--keep-models</c> value, or null.</summary>
    public static string? KeepModelsProblem(int keep) => keep < 0 ? $"--keep-models: must be 0 or more (got {keep})" : null;

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

    /// <summary>
    /// Loads and checks the sweep's data before any trial or any file (see <see cref="SweepDataCheck"/>); on a problem
    /// writes it and returns null: data that cannot be used is bad input, not a failure of every trial.
    /// </summary>
    public static DataShape? TryCheckData(SweepDefinition sweep, TextWriter error)
    {
        try
        {
            return SweepDataCheck.Check(sweep);
        }
        catch (DatasetException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }
}
