using SweepCluster.Cli.Logging;

namespace SweepCluster.Cli.Tests;

/// <summary>
/// The format provider alone; the console sink's use of it (its themed renderer, not Serilog's text formatter) is
/// covered by the integration test that runs the CLI (ConsoleOutputTests).
/// </summary>
public class ConsoleNumberFormatTests
{
    [Theory]
    [InlineData(0.4886611557006836, "0.488661")]
    [InlineData(0.048728813559322036, "0.0487288")]
    [InlineData(57196.27437767772, "57196.3")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(3.0, "3")]
    public void Double_without_a_format_gets_at_most_six_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, string.Format(ConsoleNumberFormat.Instance, "{0}", value));
    }

    [Fact]
    public void Explicit_formats_integers_and_strings_render_as_with_the_invariant_culture()
    {
        var text = string.Format(ConsoleNumberFormat.Instance, "{0:F1} {1} {2} {3}", 1.23456, 1234567, "w0", 0.5f);

        Assert.Equal("1.2 1234567 w0 0.5", text);
    }
}
