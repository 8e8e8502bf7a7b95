using System.CommandLine;

namespace SweepCluster.Cli.Tests;

public class KeepModelsOptionTests
{
    /// <summary>run and coordinator write their problems to the console's error stream, so that is what is read here.</summary>
    private static (int ExitCode, string Error) Invoke(params string[] args)
    {
        var originalError = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try
        {
            var exitCode = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });
            return (exitCode, error.ToString());
        }
        finally
        {
            Console.SetError(originalError);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("coordinator")]
    public void A_negative_keep_models_is_exit_2_naming_the_option(string verb)
    {
        // given a sweep file that does not even exist: the option is refused before anything is read or written
        var folder = Directory.CreateTempSubdirectory("sweepcluster-keep-").FullName;
        try
        {
            var (exitCode, error) = Invoke(verb, Path.Combine(folder, "sweep.yaml"), "--out", Path.Combine(folder, "out"), "--keep-models", "-1");

            Assert.Equal(2, exitCode);
            Assert.Contains("--keep-models: must be 0 or more (got -1)", error);
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
