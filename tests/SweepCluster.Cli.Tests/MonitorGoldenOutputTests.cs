using SweepCluster.Cli.Tests.Support;

namespace SweepCluster.Cli.Tests;

/// <summary>
/// <c>monitor</c>'s report and <c>--json</c> snapshot, byte for byte, against the output recorded before the monitor's
/// states became enums (TestData/monitor-golden/README.md): the names are produced at the edge now, and must not drift.
/// </summary>
public class MonitorGoldenOutputTests
{
    private static string Golden => Path.Combine(TestPaths.RepoRoot, "tests", "SweepCluster.Cli.Tests", "TestData", "monitor-golden");

    [Theory]
    [InlineData("recorded-report.txt", null)]
    [InlineData("recorded-snapshot.json", "--json")]
    public void The_recorded_finished_run_prints_as_before(string expected, string? option)
    {
        AssertOutput(TestPaths.RecordedLogs, expected, option);
    }

    [Theory]
    [InlineData("stopping-report.txt", null)]
    [InlineData("stopping-snapshot.json", "--json")]
    public void A_stopping_sweep_ranked_by_a_maximized_metric_prints_as_before(string expected, string? option)
    {
        AssertOutput(Path.Combine(Golden, "stopping.clef"), expected, option);
    }

    private static void AssertOutput(string logs, string expected, string? option)
    {
        // given the logs, when monitored once
        var (exitCode, output, error) = CliRunner.Invoke(option is null ? ["monitor", logs] : ["monitor", logs, option]);

        // then the output is the recorded one, with the log folder written as <logs>
        Assert.Equal((ExitCodes.Success, ""), (exitCode, error));
        var folder = File.Exists(logs) ? Path.GetDirectoryName(logs)! : logs;
        Assert.Equal(File.ReadAllText(Path.Combine(Golden, expected)), output.Replace(folder + Path.DirectorySeparatorChar, "<logs>/", StringComparison.Ordinal));
    }
}
