using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// A validated sweep file. <see cref="Training"/>, <see cref="Widths"/> and <see cref="Dropout"/> are the base
/// settings every trial starts from; <see cref="Parameters"/> (in file order) are swept on top of them.
/// Trials are generated on demand: any trial can be rebuilt from its index alone, so a resumed sweep
/// never expands the trials before it.
/// </summary>
/// <param name="Trials">How many trials random, sobol and tpe run; for grid, an optional cap on the full product.</param>
/// <param name="Outputs">model.outputs; for synthetic data it defaults to the number of classes; null for CSV data when the labels decide.</param>
/// <param name="Widths">model.widths, or null when only <c>parameters.widths</c> gives them.</param>
/// <param name="SourcePath">The sweep file's full path ("" when parsed from text).</param>
/// <param name="SourceText">The YAML as run: the file's text, or with <c>--set</c> overrides, the overridden document.</param>
/// <param name="Scheduler">The early-stopping rule (<c>scheduler:</c>), or null when every trial runs to its end.</param>
/// <param name="Tpe">The <c>tpe:</c> settings of <c>method: tpe</c> (defaults when the block is absent); null for other methods.</param>
/// <param name="Metric">The metric trials are ranked by: with several objectives, the first of <see cref="Objectives"/>.</param>
/// <param name="Repeats">
/// <c>repeats:</c> how many times each configuration trains, each repeat with its own seed; the trials of configuration
/// <c>c</c> are the indices <c>c·Repeats … c·Repeats + Repeats − 1</c>, and the leaderboards rank configurations by the mean.
/// </param>
public sealed record SweepDefinition(
    string Name,
    SearchMethod Method,
    long? Trials,
    long Seed,
    long MaxTrials,
    MetricSpec Metric,
    DataSpec Data,
    int? Outputs,
    IReadOnlyList<int>? Widths,
    double Dropout,
    TrainingSettings Training,
    IReadOnlyList<ParameterSpec> Parameters,
    string SourcePath,
    string SourceText,
    Scheduling.SchedulerSpec? Scheduler = null,
    TpeSettings? Tpe = null,
    int Repeats = 1)
{
    public const long DefaultMaxTrials = 100_000;

    private readonly IReadOnlyList<MetricSpec>? objectives;

    /// <summary>
    /// The objectives of <c>metric:</c> in file order, one to three; with more than one the leaderboards rank by Pareto
    /// front. Unless set, the one objective <see cref="Metric"/> (so a definition built with only a metric has one).
    /// </summary>
    public IReadOnlyList<MetricSpec> Objectives
    {
        get => objectives ?? [Metric];
        init => objectives = value.Count > 0 && value[0] == Metric
            ? value
            : throw new ArgumentException("the objectives must start with the definition's Metric", nameof(value));
    }

    /// <summary><c>reference:</c>, the hypervolume's reference point (one value per objective), or null to take it from the results.</summary>
    public IReadOnlyList<double>? Reference { get; init; }

    /// <summary>The most repeats a configuration may have.</summary>
    public const int MaxRepeats = 100;

    /// <summary>The number of trials of the expansion, computed without generating them.</summary>
    public long CountTrials() => new TrialPlan(this).Count;

    /// <summary>Every trial in index order, generated lazily; for tpe, as placed before any result (its startup trials' points).</summary>
    public IEnumerable<TrialSpec> ExpandTrials()
    {
        var plan = new TrialPlan(this);
        for (long index = 0; index < plan.Count; index++)
        {
            yield return plan.TrialAt(index);
        }
    }

    /// <summary>The trial at <paramref name="index"/>, equal to the one <see cref="ExpandTrials"/> yields there.</summary>
    public TrialSpec TrialAt(long index) => new TrialPlan(this).TrialAt(index);
}
