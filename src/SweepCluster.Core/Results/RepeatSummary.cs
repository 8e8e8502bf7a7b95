namespace SweepCluster.Core.Results;

/// <summary>
/// A configuration's repeats on one leaderboard row: how many were recorded and how many of them gave a rankable result,
/// and the mean and spread of each numeric metric over the rankable ones (<see cref="NumericMetrics"/>, by name).
/// </summary>
public sealed record RepeatSummary(int Recorded, int Ranked, IReadOnlyDictionary<string, MetricSpread> Metrics)
{
    /// <summary>
    /// The metrics a configuration's row averages, each read from a trial's metrics: every row of <see cref="MetricTable"/> in
    /// its order (NaN where the trial has none: the other task's metrics), then the numbers a trial has that rank nothing.
    /// </summary>
    public static IReadOnlyList<(string Name, Func<TrialMetrics, double> Value)> NumericMetrics { get; } =
    [
        .. MetricTable.All.Select(metric => (metric.Name, (Func<TrialMetrics, double>)(m => metric.OfTrial(m) ?? double.NaN))),
        ("exact_zero_fraction", m => m.ExactZeroFraction),
        ("parameters", m => m.Parameters),
        ("epochs_run", m => m.EpochsRun),
        ("best_epoch", m => m.BestEpoch),
        ("seconds", m => m.Seconds),
        ("samples_per_second", m => m.SamplesPerSecond),
    ];

    public static RepeatSummary Of(int recorded, IReadOnlyList<TrialMetrics> ranked) =>
        new(recorded, ranked.Count, NumericMetrics.ToDictionary(
            metric => metric.Name,
            metric => MetricSpread.Of([.. ranked.Select(metric.Value)])));

    /// <summary>The spread of <paramref name="name"/>, or NaN for both when the row has no such metric.</summary>
    public MetricSpread Of(string name) => Metrics.TryGetValue(name, out var spread) ? spread : new MetricSpread(double.NaN, double.NaN);
}
