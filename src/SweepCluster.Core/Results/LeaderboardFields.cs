namespace SweepCluster.Core.Results;

/// <summary>
/// The leaderboard as data (leaderboard.json and leaderboard.csv): its fields in order (rank, trial_id, the swept
/// parameters, status, every metric results.jsonl has, where it ran, why it did not complete) and each row's typed
/// values, so that the two files cannot drift apart. A value is null (missing), a <see cref="long"/>, a
/// <see cref="double"/>, a <see cref="bool"/>, a string, or a list of <see cref="int"/> (widths, active_neurons), of
/// <see cref="double"/> (layer_sparsity) or of strings (active_input_names). README "Outputs" documents the schema.
/// After val_loss come the <paramref name="task"/>'s own metrics (<see cref="MetricTable"/>): val_accuracy, or val_r2,
/// val_rmse and val_mae.
/// </summary>
public sealed class LeaderboardFields(IReadOnlyList<string> sweptParameters, Sweeps.SweepTask task = Sweeps.SweepTask.Classification)
{
    private readonly IReadOnlyList<MetricInfo> taskMetrics = [.. MetricTable.All.Where(m => m.Task == task)];

    /// <summary>The metric fields of a <paramref name="task"/>'s leaderboard, in order.</summary>
    public static IReadOnlyList<string> MetricNamesOf(Sweeps.SweepTask task) =>
    [
        "val_loss", .. MetricTable.All.Where(m => m.Task == task).Select(m => m.Name), "train_loss", "sparsity", "exact_zero_fraction",
        "layer_sparsity", "active_inputs", "active_input_names", "active_neurons", "l1_norm", "parameters", "epochs_run", "best_epoch",
        "seconds", "samples_per_second",
    ];

    public IReadOnlyList<string> MetricNames { get; } = MetricNamesOf(task);

    public IReadOnlyList<string> SweptParameters { get; } = sweptParameters;

    public IReadOnlyList<string> Names { get; } =
        ["rank", "trial_id", .. sweptParameters, "status", .. MetricNamesOf(task), "worker", "device", "node", "failure", "reason"];

    public IReadOnlyList<object?> Values(RankedEntry row)
    {
        var result = row.Entry.Result;
        var values = new List<object?>(Names.Count) { row.Rank is { } rank ? (long)rank : null, result.TrialId };
        foreach (var parameter in SweptParameters)
        {
            values.Add(SweptValueParser.Parse(parameter, row.Entry.SweptText(parameter)));
        }
        values.Add(LeaderboardColumns.StatusText(result.Status));
        AddMetrics(values, result.Metrics);
        values.Add(result.Worker);
        values.Add(result.Device);
        values.Add(result.Node);
        values.Add(result.FailureKind is { } kind ? RetryPolicy.KindText(kind) : null);
        values.Add(result.Reason);
        return values;
    }

    // In the order of MetricNames. JSON has no NaN or infinity: a non-finite metric is missing (null), as is every
    // metric of a trial that produced none.
    private void AddMetrics(List<object?> values, TrialMetrics? metrics)
    {
        if (metrics is null)
        {
            values.AddRange(MetricNames.Select(_ => (object?)null));
            return;
        }
        values.Add(Real(metrics.ValLoss));
        values.AddRange(taskMetrics.Select(m => Real(m.OfTrial(metrics))));
        values.Add(Real(metrics.TrainLoss));
        values.Add(Real(metrics.Sparsity));
        values.Add(Real(metrics.ExactZeroFraction));
        values.Add(metrics.LayerSparsity.All(double.IsFinite) ? metrics.LayerSparsity : null);
        values.Add((long)metrics.ActiveInputs);
        values.Add(metrics.ActiveInputNames);
        values.Add(metrics.ActiveNeurons);
        values.Add(Real(metrics.L1Norm));
        values.Add(metrics.Parameters);
        values.Add((long)metrics.EpochsRun);
        values.Add((long)metrics.BestEpoch);
        values.Add(Real(metrics.Seconds));
        values.Add(Real(metrics.SamplesPerSecond));
    }

    private static object? Real(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
