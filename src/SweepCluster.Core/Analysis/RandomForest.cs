using SweepCluster.Core.Search;

namespace SweepCluster.Core.Analysis;

/// <summary>
/// A random forest of <see cref="RegressionTree"/>s, each grown on a bootstrap sample of the rows (n draws with
/// replacement). Sample t is a pure function of (seed, t) through <see cref="SplitMix64"/>, so the forest is the same for
/// the same rows, settings and seed on any machine.
/// </summary>
internal sealed class RandomForest
{
    private const ulong BootstrapStream = 0x1F0A_17A5;

    private RandomForest(IReadOnlyList<RegressionTree> trees) => Trees = trees;

    public IReadOnlyList<RegressionTree> Trees { get; }

    public static RandomForest Fit(FeatureMatrix data, double[] target, ImportanceSettings settings)
    {
        var trees = new RegressionTree[settings.Trees];
        for (var t = 0; t < trees.Length; t++)
        {
            var sample = new int[data.Rows];
            for (var i = 0; i < sample.Length; i++)
            {
                var bits = SplitMix64.Derive(settings.Seed, BootstrapStream + (ulong)t, i);
                sample[i] = (int)Math.Min(data.Rows - 1, SplitMix64.ToUnit(bits) * data.Rows);
            }
            trees[t] = RegressionTree.Fit(data, target, sample, settings.MaxDepth, settings.MinSamplesLeaf);
        }
        return new RandomForest(trees);
    }

    /// <summary>The mean of the trees' predictions.</summary>
    public double Predict(IReadOnlyList<double> features) => Trees.Average(tree => tree.Predict(features));
}
