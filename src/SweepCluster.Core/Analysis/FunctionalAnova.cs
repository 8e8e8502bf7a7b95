namespace SweepCluster.Core.Analysis;

/// <summary>
/// Functional ANOVA of one regression tree (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing
/// Hyperparameter Importance", ICML 2014; the main effects Optuna's default importance evaluator reports). The tree is a
/// piecewise-constant function on the search space (each numeric feature uniform over its domain, each categorical one
/// uniform over its categories); its leaves are boxes. The fraction of the function's variance that feature i explains
/// alone is the variance of its marginal f_i(x_i) (the mean of the tree over every other feature) divided by the total
/// variance. Both are computed exactly from the leaves.
/// </summary>
internal static class FunctionalAnova
{
    /// <summary>Per feature, the fraction of the tree's variance its main effect explains; null when the tree is constant.</summary>
    public static double[]? MainEffects(RegressionTree tree, FeatureMatrix data)
    {
        var leaves = Leaves(tree, data);
        var features = data.Features;
        var fractions = new double[leaves.Count][];
        var volumes = new double[leaves.Count];
        double mean = 0;
        for (var l = 0; l < leaves.Count; l++)
        {
            fractions[l] = new double[features];
            volumes[l] = 1;
            for (var j = 0; j < features; j++)
            {
                fractions[l][j] = Fraction(leaves[l], j, data);
                volumes[l] *= fractions[l][j];
            }
            mean += volumes[l] * leaves[l].Value;
        }
        double total = 0;
        for (var l = 0; l < leaves.Count; l++)
        {
            total += volumes[l] * (leaves[l].Value - mean) * (leaves[l].Value - mean);
        }
        if (!(total > 1e-300))
        {
            return null;
        }
        var effects = new double[features];
        var split = tree.Nodes.Where(n => !n.IsLeaf).Select(n => n.Feature).ToHashSet();
        // A feature the tree never splits on explains nothing (exactly 0, not a rounding error's worth).
        foreach (var i in split)
        {
            // c_l: the leaf's value weighted by its share of every other feature's domain.
            var weights = new double[leaves.Count];
            for (var l = 0; l < leaves.Count; l++)
            {
                weights[l] = leaves[l].Value;
                for (var j = 0; j < features; j++)
                {
                    weights[l] *= j == i ? 1 : fractions[l][j];
                }
            }
            var variance = data.IsCategorical(i) ? CategoricalVariance(leaves, weights, i, data, mean) : NumericVariance(leaves, weights, i, data, mean);
            effects[i] = Math.Clamp(variance / total, 0, 1);
        }
        return effects;
    }

    private static double NumericVariance(List<Box> leaves, double[] weights, int feature, FeatureMatrix data, double mean)
    {
        var (low, high) = (data.Lower[feature], data.Upper[feature]);
        if (!(high > low))
        {
            return 0;
        }
        var cuts = leaves.SelectMany(b => new[] { b.Low[feature], b.High[feature] }).Append(low).Append(high).Distinct().Order().ToArray();
        // f_i is constant between neighbouring cuts: a leaf adds its weight to every segment its interval covers.
        var change = new double[cuts.Length];
        for (var l = 0; l < leaves.Count; l++)
        {
            change[Array.BinarySearch(cuts, leaves[l].Low[feature])] += weights[l];
            change[Array.BinarySearch(cuts, leaves[l].High[feature])] -= weights[l];
        }
        double variance = 0;
        double marginal = 0;
        for (var k = 0; k < cuts.Length - 1; k++)
        {
            marginal += change[k];
            variance += (cuts[k + 1] - cuts[k]) / (high - low) * (marginal - mean) * (marginal - mean);
        }
        return variance;
    }

    private static double CategoricalVariance(List<Box> leaves, double[] weights, int feature, FeatureMatrix data, double mean)
    {
        var categories = data.CategoryCounts[feature];
        var marginal = new double[categories];
        for (var l = 0; l < leaves.Count; l++)
        {
            var set = leaves[l].Categories[feature]!;
            for (var c = 0; c < categories; c++)
            {
                if (set[c])
                {
                    marginal[c] += weights[l];
                }
            }
        }
        return marginal.Sum(m => (m - mean) * (m - mean)) / categories;
    }

    /// <summary>A leaf's share of feature j's domain: the length of its interval, or the fraction of the categories it holds.</summary>
    private static double Fraction(Box leaf, int j, FeatureMatrix data)
    {
        if (data.IsCategorical(j))
        {
            return (double)leaf.Categories[j]!.Count(c => c) / data.CategoryCounts[j];
        }
        var width = data.Upper[j] - data.Lower[j];
        return width > 0 ? (leaf.High[j] - leaf.Low[j]) / width : 1;
    }

    /// <summary>Every leaf with the box of the search space it covers.</summary>
    private static List<Box> Leaves(RegressionTree tree, FeatureMatrix data)
    {
        var leaves = new List<Box>();
        var root = new Box(
            (double[])data.Lower.Clone(),
            (double[])data.Upper.Clone(),
            [.. Enumerable.Range(0, data.Features).Select(j => data.IsCategorical(j) ? Enumerable.Repeat(true, data.CategoryCounts[j]).ToArray() : null)],
            0);
        var stack = new Stack<(int Node, Box Box)>();
        stack.Push((0, root));
        while (stack.Count > 0)
        {
            var (id, box) = stack.Pop();
            var node = tree.Nodes[id];
            if (node.IsLeaf)
            {
                leaves.Add(box with { Value = node.Value });
                continue;
            }
            var (left, right) = (box.Copy(), box.Copy());
            var j = node.Feature;
            if (node.LeftCategories is { } set)
            {
                for (var c = 0; c < set.Length; c++)
                {
                    left.Categories[j]![c] &= set[c];
                    right.Categories[j]![c] &= !set[c];
                }
            }
            else
            {
                var cut = Math.Clamp(node.Threshold, box.Low[j], box.High[j]);
                left.High[j] = cut;
                right.Low[j] = cut;
            }
            stack.Push((node.Right, right));
            stack.Push((node.Left, left));
        }
        return leaves;
    }

    private sealed record Box(double[] Low, double[] High, bool[]?[] Categories, double Value)
    {
        public Box Copy() => new((double[])Low.Clone(), (double[])High.Clone(), [.. Categories.Select(c => (bool[]?)c?.Clone())], Value);
    }
}
