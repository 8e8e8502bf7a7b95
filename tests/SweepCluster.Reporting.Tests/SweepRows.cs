using System.Globalization;
using SweepCluster.Core.Results;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Reporting.Tests;

/// <summary>
/// Leaderboard rows of a made-up random sweep over learning_rate (log-uniform, decides the loss), lambda (log-uniform),
/// dropout (uniform) and widths (a values list), ranked as the results actor ranks them. Seeded: the same every run.
/// </summary>
internal static class SweepRows
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

    /// <param name="failed">How many further trials failed (no metrics, unranked).</param>
    public static IReadOnlyList<RankedEntry> Ranked(int count, int failed = 0, string? reason = null)
    {
        var entries = Enumerable.Range(0, count + failed).Select(i =>
        {
            double U(ulong stream) => SplitMix64.ToUnit(SplitMix64.Derive(3, stream, i));
            var learningRate = Math.Pow(10, -4 + 3 * U(1));
            var loss = 0.3 + Math.Pow(Math.Log10(learningRate) + 2.5, 2) + 0.05 * U(5);
            SweptValue[] swept =
            [
                new("learning_rate", learningRate.ToString("0.###e+00", CultureInfo.InvariantCulture)),
                new("lambda", Math.Pow(10, -6 + 4 * U(2)).ToString("0.###e+00", CultureInfo.InvariantCulture)),
                new("dropout", (0.5 * U(3)).ToString("G5", CultureInfo.InvariantCulture)),
                new("widths", Widths[(int)(3 * U(4))]),
            ];
            var id = $"fake-{i}";
            if (i >= count)
            {
                return new LeaderboardEntry(i, swept, new TrialResult(id, TrialStatus.Failed, reason ?? "boom", null, [], "w", "n", "cpu", TrialFailureKind.Deterministic));
            }
            var metrics = new TrialMetrics(loss, 0.9 - loss / 10, loss, 10, U(6), 0, [], 12, 1000, 5, 5, 0.5, 1000);
            return new LeaderboardEntry(i, swept, new TrialResult(id, TrialStatus.Completed, null, metrics,
                [new EpochRecord(1, loss + 0.1, loss + 0.1, 0.5), new EpochRecord(2, loss, loss, 0.6)], "w", "n", "cpu"));
        });
        return new LeaderboardRanking(MetricSpec.Default).Rank(entries);
    }

    public static ReportWriter Writer(string directory = "") =>
        new(new SweepOutputPaths(directory), "fake", MetricSpec.Default, Names, Specs);
}
