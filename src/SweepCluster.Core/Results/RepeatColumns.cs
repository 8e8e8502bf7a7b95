using System.Globalization;

namespace SweepCluster.Core.Results;

/// <summary>
/// The columns for reading (Markdown, console) of a sweep with <c>repeats</c> above 1, one row per configuration: rank,
/// configuration, the swept parameters, status, repeats, mean and standard deviation of the ranking metric, val_loss and
/// val_accuracy (see <see cref="RepeatFields"/>), then the means of sparsity, active inputs, L1 norm, epochs and seconds,
/// and why repeats were left out; rounded as <see cref="LeaderboardColumns"/> rounds.
/// </summary>
public sealed class RepeatColumns
{
    private static readonly (string Name, string Format)[] MeanColumns =
        [("sparsity", "F4"), ("active_inputs", "F1"), ("l1_norm", "F3"), ("epochs_run", "F1"), ("seconds", "F1")];

    private readonly IReadOnlyList<string> spread;

    public RepeatColumns(IReadOnlyList<string> sweptParameters, string rankingMetric, Sweeps.SweepTask task = Sweeps.SweepTask.Classification)
    {
        SweptParameters = sweptParameters;
        spread = RepeatFields.SpreadMetrics(rankingMetric, task);
        Names =
        [
            "rank", "configuration", .. sweptParameters, "status", "repeats",
            .. spread.SelectMany(name => new[] { $"{name}_mean", $"{name}_std" }),
            .. MeanColumns.Select(c => c.Name), "active_input_names", "reason",
        ];
    }

    public IReadOnlyList<string> SweptParameters { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<string> Cells(RankedEntry row)
    {
        var result = row.Entry.Result;
        var summary = RepeatFields.SummaryOf(row);
        var cells = new List<string>(Names.Count) { row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", result.TrialId };
        cells.AddRange(SweptParameters.Select(row.Entry.SweptText));
        cells.Add(LeaderboardColumns.StatusText(result.Status));
        cells.Add(summary.Ranked.ToString(CultureInfo.InvariantCulture));
        foreach (var name in spread)
        {
            cells.Add(Number(summary.Of(name).Mean, "F4"));
            cells.Add(Number(summary.Of(name).Std, "F4"));
        }
        cells.AddRange(MeanColumns.Select(c => Number(summary.Of(c.Name).Mean, c.Format)));
        cells.Add(LeaderboardColumns.NameList(result.Metrics?.ActiveInputNames));
        cells.Add(result.Reason ?? "");
        return cells;
    }

    /// <summary>Empty where there is no number (a std of one repeat, a configuration without a rankable repeat).</summary>
    private static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "";
}
