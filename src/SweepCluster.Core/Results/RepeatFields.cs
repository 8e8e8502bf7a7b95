namespace SweepCluster.Core.Results;

/// <summary>
/// The leaderboard as data (leaderboard.json and .csv) of a sweep with <c>repeats</c> above 1, one row per configuration:
/// rank, configuration, the swept parameters, status, <c>repeats</c> (how many repeats the statistics are over), the mean and
/// sample standard deviation (<c>&lt;metric&gt;_mean</c>, <c>&lt;metric&gt;_std</c>) of the ranking metric, val_loss and
/// val_accuracy, the means of the other metrics under their own names, the per-layer sparsity averaged layer by layer, the
/// inputs every repeat kept, and why repeats were left out. Values are typed as in <see cref="LeaderboardFields"/>.
/// </summary>
public sealed class RepeatFields
{
    public RepeatFields(IReadOnlyList<string> sweptParameters, string rankingMetric, Sweeps.SweepTask task = Sweeps.SweepTask.Classification)
    {
        SweptParameters = sweptParameters;
        Spread = SpreadMetrics(rankingMetric, task);
        Means = [.. RepeatSummary.NumericMetrics.Select(m => m.Name).Where(name => !Spread.Contains(name) && AppliesTo(name, task))];
        Names =
        [
            "rank", "configuration", .. sweptParameters, "status", "repeats",
            .. Spread.SelectMany(name => new[] { $"{name}_mean", $"{name}_std" }),
            .. Means, "layer_sparsity", "active_input_names", "reason",
        ];
    }

    public IReadOnlyList<string> SweptParameters { get; }

    /// <summary>The metrics given with their spread: the ranking metric, val_loss and val_accuracy (each once).</summary>
    public IReadOnlyList<string> Spread { get; }

    /// <summary>The other numeric metrics, given as means.</summary>
    public IReadOnlyList<string> Means { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The ranking metric, val_loss, and val_accuracy (classification) or val_r2 (regression), each once.</summary>
    public static IReadOnlyList<string> SpreadMetrics(string rankingMetric, Sweeps.SweepTask task = Sweeps.SweepTask.Classification) =>
        [.. new[] { rankingMetric, "val_loss", task == Sweeps.SweepTask.Regression ? "val_r2" : "val_accuracy" }.Distinct()];

    private static bool AppliesTo(string metric, Sweeps.SweepTask task) => MetricTable.Find(metric)?.AppliesTo(task) ?? true;

    public IReadOnlyList<object?> Values(RankedEntry row)
    {
        var result = row.Entry.Result;
        var summary = SummaryOf(row);
        var values = new List<object?>(Names.Count) { row.Rank is { } rank ? (long)rank : null, result.TrialId };
        values.AddRange(SweptParameters.Select(parameter => SweptValueParser.Parse(parameter, row.Entry.SweptText(parameter))));
        values.Add(LeaderboardColumns.StatusText(result.Status));
        values.Add((long)summary.Ranked);
        foreach (var name in Spread)
        {
            values.Add(Real(summary.Of(name).Mean));
            values.Add(Real(summary.Of(name).Std));
        }
        values.AddRange(Means.Select(name => Real(summary.Of(name).Mean)));
        var metrics = result.Metrics;
        values.Add(metrics is { LayerSparsity: { Count: > 0 } layers } && layers.All(double.IsFinite) ? layers : null);
        values.Add(metrics?.ActiveInputNames);
        values.Add(result.Reason);
        return values;
    }

    /// <summary>A row without a summary is one trial: its metrics are the means of one repeat.</summary>
    internal static RepeatSummary SummaryOf(RankedEntry row) =>
        row.Repeats ?? RepeatSummary.Of(1, LeaderboardRanking.IsRankable(row.Entry) ? [row.Entry.Result.Metrics!] : []);

    private static object? Real(double value) => double.IsFinite(value) ? value : null;
}
