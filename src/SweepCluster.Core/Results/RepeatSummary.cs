namespace SweepCluster.Core.Results;

/// <summary>
/// A configuration's repeats on one leaderboard row: how many were recorded and how many of them gave a rankable result,
/// and the mean and spread of each numeric metric over the rankable ones (<see cref="NumericMetrics"/>, by name).
/// </summary>
public sealed record RepeatSummary(int Recorded, int Ranked, IReadOnlyDictionary<string, MetricSpread> Metrics)
{
    /// <summary>The metrics a configuration's row averages, in leaderboard order, each read from a trial's metrics.</summary>
    public static IReadOnlyList<(string Name, Func<TrialMetrics, double> Value)> NumericMetrics { get; } =
    [
        ("val_loss", m => m.ValLoss),
        ("val_accuracy", m => m.ValAccuracy ?? double.NaN),
        ("val_rmse", m => m.ValRmse ?? double.NaN),
        ("val_mae", m => m.ValMae ?? double.NaN),
        ("val_r2", m => m.ValR2 ?? double.NaN),
        ("train_loss", m => m.TrainLoss),
        ("sparsity", m => m.Sparsity),
        ("exact_zero_fraction", m => m.ExactZeroFraction),
        ("active_inputs", m => m.ActiveInputs),
        ("l1_norm", m => m.L1Norm),
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
