using SweepCluster.Core.Analysis;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Analysis;

public class FunctionalAnovaTests
{
    private static readonly AnalysisParameter X = new("x", ParameterScale.Linear, []);
    private static readonly AnalysisParameter Colour = new("colour", ParameterScale.Categorical, ["red", "green", "blue"]);

    /// <summary>Every combination of x ∈ {0.25, 0.75} and the three colours, twice; y = 2·[x &gt; 0.5] + 3·[colour = blue].</summary>
    private static List<AnalysisTrial> Grid() =>
    [
        .. from repeat in Enumerable.Range(0, 2)
           from x in new[] { 0.25, 0.75 }
           from colour in new[] { "red", "green", "blue" }
           select new AnalysisTrial($"{x}-{colour}-{repeat}",
               [new SweptValue("x", x.ToString(System.Globalization.CultureInfo.InvariantCulture)), new SweptValue("colour", colour)],
               (x > 0.5 ? 2 : 0) + (colour == "blue" ? 3 : 0)),
    ];

    [Fact]
    public void Additive_function_splits_its_variance_by_the_hand_computed_shares()
    {
        // Given a tree grown on every row of an additive function of a numeric and a categorical feature
        var trials = Grid();
        var data = FeatureMatrix.Build([X, Colour], trials);
        var tree = RegressionTree.Fit(data, [.. trials.Select(t => t.Metric)], [.. Enumerable.Range(0, trials.Count)], maxDepth: 64, minLeaf: 1);

        // When its variance is decomposed
        var effects = FunctionalAnova.MainEffects(tree, data)!;

        // Then x explains Var(2·B(1/2)) = 1 and colour Var(3·B(1/3)) = 2 of the total 3 (no interaction)
        Assert.Equal(1.0 / 3, effects[0], 12);
        Assert.Equal(2.0 / 3, effects[1], 12);
    }

    [Fact]
    public void Tree_predicts_the_rows_it_was_grown_on()
    {
        var trials = Grid();
        var data = FeatureMatrix.Build([X, Colour], trials);
        var tree = RegressionTree.Fit(data, [.. trials.Select(t => t.Metric)], [.. Enumerable.Range(0, trials.Count)], maxDepth: 64, minLeaf: 1);

        for (var i = 0; i < trials.Count; i++)
        {
            Assert.Equal(trials[i].Metric, tree.Predict([data.Columns[0][i], data.Columns[1][i]]), 12);
        }
    }

    [Fact]
    public void Log_scaled_feature_is_split_in_log10_units()
    {
        // Given learning rates 1e-4 and 1e-2 on a log scale
        var rate = new AnalysisParameter("learning_rate", ParameterScale.Log, [], 1e-5, 1e-1);
        var trials = new[] { 1e-4, 1e-2, 1e-4, 1e-2 }.Select((r, i) => new AnalysisTrial($"t{i}", [new SweptValue("learning_rate", r.ToString("E1"))], r > 1e-3 ? 1 : 0)).ToList();

        // When encoded and a tree is grown
        var data = FeatureMatrix.Build([rate], trials);
        var tree = RegressionTree.Fit(data, [.. trials.Select(t => t.Metric)], [0, 1, 2, 3], maxDepth: 64, minLeaf: 1);

        // Then the domain is [-5, -1] and the split lies halfway between -4 and -2
        Assert.Equal((-5, -1), (data.Lower[0], data.Upper[0]), new ToleranceComparer());
        Assert.Equal(-3, tree.Nodes[0].Threshold, 12);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12;

        public int GetHashCode((double, double) obj) => 0;
    }
}
