using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Analysis;

/// <summary>
/// Parameter importance as Optuna's default evaluator computes it: a random forest is fitted to the ranked trials (inputs:
/// the swept parameters encoded by their scale, see <see cref="FeatureMatrix"/>; target: the sweep's metric), and each
/// tree's variance is decomposed by functional ANOVA (<see cref="FunctionalAnova"/>). A parameter's importance is the mean
/// over the trees of the fraction of variance its main effect explains, and the importances are normalised to sum to 1.
/// The trials are put in one canonical order (by metric, then trial id) first, so the result depends only on the set of
/// trials, the parameters and the seed: the report, <c>leaderboard --importance</c> and <c>monitor --json</c> agree
/// whatever order the results arrived in.
/// </summary>
public static class ImportanceEvaluator
{
    /// <summary>The method's name as the report, the CLI and the README give it.</summary>
    public static string MethodName(ImportanceSettings settings) =>
        $"fANOVA (main effects) over a random forest of {settings.Trees} regression trees";

    /// <summary>
    /// The importances, or null when there are fewer than <see cref="ImportanceSettings.MinimumTrials"/> trials, no
    /// parameters, or nothing to explain (the metric is the same for every trial, or only interactions vary it).
    /// </summary>
    public static ImportanceResult? Evaluate(IReadOnlyList<AnalysisParameter> parameters, IReadOnlyList<AnalysisTrial> trials, ImportanceSettings? settings = null)
    {
        settings ??= ImportanceSettings.Default;
        if (parameters.Count == 0 || trials.Count < Math.Max(2, settings.MinimumTrials))
        {
            return null;
        }
        var ordered = trials.OrderBy(t => t.Metric).ThenBy(t => t.TrialId, StringComparer.Ordinal).ToList();
        var used = ordered.Count <= settings.MaxTrials ? ordered : EvenSample(ordered, Math.Max(2, settings.MaxTrials));
        var data = FeatureMatrix.Build(parameters, used);
        var target = used.Select(t => t.Metric).ToArray();
        var forest = RandomForest.Fit(data, target, settings);
        var sums = new double[parameters.Count];
        var counted = 0;
        foreach (var tree in forest.Trees)
        {
            if (FunctionalAnova.MainEffects(tree, data) is not { } effects)
            {
                continue;
            }
            counted++;
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += effects[j];
            }
        }
        var total = sums.Sum();
        if (counted == 0 || !(total > 0))
        {
            return null;
        }
        var ranked = parameters
            .Select((p, j) => new ParameterImportance(p.Name, sums[j] / total))
            .OrderByDescending(p => p.Importance)
            .ThenBy(p => p.Parameter, StringComparer.Ordinal)
            .ToList();
        return new ImportanceResult(ranked, MethodName(settings), trials.Count, used.Count);
    }

    /// <summary>
    /// The importances of a leaderboard's ranked trials (<see cref="AnalysisTrial.FromLeaderboard"/>) for the sweep's
    /// metric, the parameters scaled as <paramref name="specs"/> say (inferred where null or silent).
    /// </summary>
    public static ImportanceResult? ForLeaderboard(IReadOnlyList<RankedEntry> rows, MetricSpec metric, IReadOnlyList<string> parameters,
        IReadOnlyList<ParameterSpec>? specs, ImportanceSettings? settings = null)
    {
        var trials = AnalysisTrial.FromLeaderboard(rows, metric);
        return Evaluate(ParameterScaling.Resolve(parameters, specs, trials), trials, settings);
    }

    /// <summary><paramref name="count"/> trials evenly spaced over the whole ranking, the best and the worst included.</summary>
    private static List<AnalysisTrial> EvenSample(List<AnalysisTrial> ordered, int count) =>
        [.. Enumerable.Range(0, count).Select(k => ordered[(int)Math.Round((double)k * (ordered.Count - 1) / (count - 1))])];
}
