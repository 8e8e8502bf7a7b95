namespace SweepCluster.Core.Results;

/// <summary>
/// A configuration's repeats on one leaderboard row: how many were recorded and how many of them gave a rankable result,
/// and the mean and spread of each numeric metric over the rankable ones (<see cref="NumericMetrics"/>, by name).
/// </summary>
public sealed record RepeatSummary(int Recorded, int Ranked, IReadOnlyDictionary<string, MetricSpread> Metrics)
{
    /// <summary>
    /// The metrics a configuration's row averages, in the per-trial leaderboard's column order (the order repeats boards have
    /// always had), each read from a trial's metrics: the metric table's rows through <see cref="MetricTable"/> (NaN where the
    /// trial has none: the other task's metrics), and the counts that rank nothing by hand.
    /// </summary>
    public static IReadOnlyList<(string Name, Func<TrialMetrics, double> Value)> NumericMetrics { get; } =
    [
        .. Table("val_loss", "val_accuracy", "val_rmse", "val_mae", "val_r2", "train_loss", "sparsity", "exact_zero_fraction", "active_inputs", "l1_norm", "parameters"),
        ("epochs_run", m => m.EpochsRun),
        ("best_epoch", m => m.BestEpoch),
        .. Table("seconds"),
        ("samples_per_second", m => m.SamplesPerSecond),
    ];

    private static IEnumerable<(string Name, Func<TrialMetrics, double> Value)> Table(params string[] names) =>
        names.Select(MetricTable.Get).Select(metric => (metric.Name, (Func<TrialMetrics, double>)(m => metric.OfTrial(m) ?? double.NaN)));

    public static RepeatSummary Of(int recorded, IReadOnlyList<TrialMetrics> ranked) =>
        new(recorded, ranked.Count, NumericMetrics.ToDictionary(
            metric => metric.Name,
            metric => MetricSpread.Of([.. ranked.Select(metric.Value)])));

    /// <summary>The spread of <paramref name="name"/>, or NaN for both when the row has no such metric.</summary>
    public MetricSpread Of(string name) => Metrics.TryGetValue(name, out var spread) ? spread : new MetricSpread(double.NaN, double.NaN);
}
