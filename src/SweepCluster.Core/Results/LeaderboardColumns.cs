using System.Globalization;

namespace SweepCluster.Core.Results;

/// <summary>
/// The leaderboard's columns in order (rank, trial_id, the swept parameters, status, the metrics, where it
/// ran, whether a failure was deterministic or transient, why it did not complete) and each row's cells as rounded
/// invariant-culture text, shared by the renderings for reading (Markdown, console, report.html) so that they cannot
/// drift apart. The data files (CSV, JSON) use <see cref="LeaderboardFields"/>: typed, full precision, every metric.
/// After val_loss come the <paramref name="task"/>'s own metrics (<see cref="MetricTable"/>): val_accuracy, or val_r2,
/// val_rmse and val_mae.
/// </summary>
public sealed class LeaderboardColumns(IReadOnlyList<string> sweptParameters, Sweeps.SweepTask task = Sweeps.SweepTask.Classification)
{
    private readonly IReadOnlyList<MetricInfo> taskMetrics = [.. MetricTable.All.Where(m => m.Task == task)];

    /// <summary>Input names a cell lists before it says how many more there are (the data files list them all).</summary>
    public const int NamesShown = 6;

    public IReadOnlyList<string> SweptParameters { get; } = sweptParameters;

    public IReadOnlyList<string> Names { get; } =
        ["rank", "trial_id", .. sweptParameters, "status", MetricTable.Default, .. MetricTable.All.Where(m => m.Task == task).Select(m => m.Name),
         "sparsity", "active_inputs", "active_input_names", "active_neurons", "l1_norm", "epochs_run", "seconds",
         "worker", "device", "node", "failure", "reason"];

    public IReadOnlyList<string> Cells(RankedEntry row)
    {
        var result = row.Entry.Result;
        var metrics = result.Metrics;
        var cells = new List<string>(Names.Count)
        {
            row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
            result.TrialId,
        };
        cells.AddRange(SweptParameters.Select(row.Entry.SweptText));
        cells.Add(StatusText(result.Status));
        cells.Add(Number(metrics?.ValLoss, "F4"));
        cells.AddRange(taskMetrics.Select(m => Number(metrics is null ? null : m.OfTrial(metrics), "F4")));
        cells.Add(Number(metrics?.Sparsity, "F4"));
        cells.Add(metrics?.ActiveInputs.ToString(CultureInfo.InvariantCulture) ?? "");
        cells.Add(NameList(metrics?.ActiveInputNames));
        cells.Add(metrics?.ActiveNeurons is { } neurons ? $"[{string.Join(", ", neurons.Select(n => n.ToString(CultureInfo.InvariantCulture)))}]" : "");
        cells.Add(Number(metrics?.L1Norm, "F3"));
        cells.Add(metrics?.EpochsRun.ToString(CultureInfo.InvariantCulture) ?? "");
        cells.Add(metrics is null ? "" : metrics.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        cells.Add(result.Worker);
        cells.Add(result.Device);
        cells.Add(result.Node);
        cells.Add(RetryPolicy.KindText(result.FailureKind));
        cells.Add(result.Reason ?? "");
        return cells;
    }

    /// <summary>snake_case, as in results.jsonl: <c>completed</c>, <c>stopped_early</c>, …</summary>
    public static string StatusText(TrialStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>The first <see cref="NamesShown"/> names, then <c>+N</c> for the rest: <c>x0, x1, x2, x3, x4, x5 +34</c>.</summary>
    public static string NameList(IReadOnlyList<string>? names) => names switch
    {
        null => "",
        { Count: <= NamesShown } => string.Join(", ", names),
        _ => string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", names.Take(NamesShown))} +{names.Count - NamesShown}"),
    };

    /// <summary>Fixed decimals keep the text tables aligned and comparable; leaderboard.csv and .json keep full precision.</summary>
    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
