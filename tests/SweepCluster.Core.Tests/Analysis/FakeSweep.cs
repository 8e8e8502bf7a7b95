using System.Globalization;
using SweepCluster.Core.Analysis;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Analysis;

/// <summary>
/// A made-up random sweep whose metric one parameter decides: learning_rate (log-uniform over three decades) sets the loss
/// through (log10 lr + 2.5)² plus a little noise, and dropout (uniform), lambda (log-uniform) and widths (a values list) do
/// nothing. Every draw comes from <see cref="SplitMix64"/>, so the trials are the same on every run.
/// </summary>
internal static class FakeSweep
{
    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        new("learning_rate", new LogUniformDomain(1e-4, 1e-1)),
        new("lambda", new LogUniformDomain(1e-6, 1e-2)),
        new("dropout", new UniformDomain(0, 0.5)),
        new("widths", new ValuesDomain([new IntListValue([64, 32]), new IntListValue([128]), new IntListValue([32, 32, 32])])),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Specs.Select(s => s.Name)];

    private static readonly string[] Widths = ["[64, 32]", "[128]", "[32, 32, 32]"];

    /// <summary><paramref name="count"/> trials; the noise of each is up to <paramref name="noise"/> (0.05 against a loss range of about 2).</summary>
    public static IReadOnlyList<AnalysisTrial> Trials(int count, long seed = 1, double noise = 0.05) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            double U(ulong stream) => SplitMix64.ToUnit(SplitMix64.Derive(seed, stream, i));
            var learningRate = Math.Pow(10, -4 + 3 * U(1));
            var lambda = Math.Pow(10, -6 + 4 * U(2));
            var dropout = 0.5 * U(3);
            var widths = Widths[(int)(3 * U(4))];
            var loss = Math.Pow(Math.Log10(learningRate) + 2.5, 2) + noise * U(5);
            return new AnalysisTrial($"fake-{i}",
            [
                new SweptValue("learning_rate", Scientific(learningRate)),
                new SweptValue("lambda", Scientific(lambda)),
                new SweptValue("dropout", dropout.ToString("G5", CultureInfo.InvariantCulture)),
                new SweptValue("widths", widths),
            ], loss);
        }),
    ];

    public static IReadOnlyList<AnalysisParameter> Parameters(IReadOnlyList<AnalysisTrial> trials) =>
        ParameterScaling.Resolve(Names, Specs, trials);

    private static string Scientific(double value) => value.ToString("0.###e+00", CultureInfo.InvariantCulture);
}
