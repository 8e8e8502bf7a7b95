using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Where and how the results actor writes a sweep's result files. With <paramref name="Resume"/>, an existing
/// results.jsonl is read and kept (a resumed sweep); without, it is replaced. The derived files (leaderboards,
/// report.html) are rewritten at most once per <paramref name="RewriteInterval"/> (default 1 s) while results
/// arrive, and on every flush; a rewrite that results call for waits at least <paramref name="RewriteDelay"/> (default
/// <see cref="DefaultRewriteDelay"/>) for more of them, or for the sweep's end, whose final rewrite then replaces it (a
/// short sweep writes its files once at the end, not twice). <paramref name="Store"/> replaces the files (tests count writes through it); null
/// means <see cref="ResultsFiles"/>. <paramref name="ParameterSpecs"/>: the swept parameters' domains, for the report's
/// log and categorical axes (null: inferred from the values). <paramref name="KeepModels"/>: how many of the top results'
/// models are kept under models/ (rank 1's also as best/; 0 keeps none); <paramref name="DefinitionHash"/> goes into their model.json.
/// <paramref name="Repeats"/>: the sweep's repeats per configuration; above 1 the leaderboards and the report have a row per
/// configuration (results.jsonl keeps one line per trial). <paramref name="Objectives"/>: the sweep's objectives, the first
/// being <paramref name="Metric"/>; each recorded trial's losses on them go back to a resumed multi-objective search (null:
/// the metric alone); with more than one the leaderboards rank by Pareto front, the shelf keeps the front's models first and
/// the report draws the front with its hypervolume up to <paramref name="Reference"/> (the sweep file's; null: derived).
/// </summary>
public sealed record ResultsSettings(
    SweepOutputPaths Paths,
    MetricSpec Metric,
    IReadOnlyList<string> SweptParameters,
    bool Resume = false,
    string SweepName = "",
    TimeSpan? RewriteInterval = null,
    Func<ResultsSettings, IResultsStore>? Store = null,
    IReadOnlyList<ParameterSpec>? ParameterSpecs = null,
    int KeepModels = 0,
    string DefinitionHash = "",
    int Repeats = 1,
    TimeSpan? RewriteDelay = null,
    IReadOnlyList<MetricSpec>? Objectives = null,
    IReadOnlyList<double>? Reference = null)
{
    public static readonly TimeSpan DefaultRewriteDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The objectives a search learns from: <see cref="Objectives"/>, or the metric alone.</summary>
    public IReadOnlyList<MetricSpec> SearchObjectives => Objectives ?? [Metric];

    public IResultsStore CreateStore() => Store is null ? new ResultsFiles(this) : Store(this);
}
