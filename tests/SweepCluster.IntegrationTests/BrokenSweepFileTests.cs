namespace SweepCluster.IntegrationTests;

/// <summary>
/// A sweep file YamlDotNet cannot read never crashes the CLI (issue 27): <c>validate</c>, started as a user starts it, reports
/// a syntax error with file, line and column and exits 2, without a stack trace.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class BrokenSweepFileTests : IDisposable
{
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromSeconds(60);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-broken-sweep-").FullName;

    [Fact]
    public async Task Validate_on_a_flow_mapping_left_open_exits_2_with_file_line_and_column_and_no_stack_trace()
    {
        // given the input-selection example with its parameters mapping opened by '{' and never closed, a block after it
        // (YamlDotNet's scanner throws InvalidOperationException on this, not a YamlException)
        var path = Path.Combine(folder, "open-brace.yaml");
        var text = File.ReadAllText(Path.Combine(CliBinary.RepoRoot, "sweeps", "input-selection.yaml"))
            .Replace("parameters:\n", "parameters: {\n", StringComparison.Ordinal);
        Assert.Contains("parameters: {\n", text);
        File.WriteAllText(path, text + "scheduler: { kind: median }\n");

        // when validated
        using var validate = NodeProcess.Start("validate", ["validate", path]);
        var exit = await validate.WaitForExitAsync(ValidateTimeout);

        // then it is a syntax error at file:line:col, exit 2, and nothing unhandled
        Assert.True(exit == 2, validate.Output);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: YAML syntax: ", validate.Output);
        Assert.DoesNotContain("   at ", validate.Output);
        Assert.DoesNotContain("Unhandled exception", validate.Output);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
