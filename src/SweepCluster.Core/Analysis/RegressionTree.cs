namespace SweepCluster.Core.Analysis;

/// <summary>
/// A CART regression tree (squared error) grown on a sample of a <see cref="FeatureMatrix"/>'s rows. A numeric feature
/// splits at the midpoint between two neighbouring values; a categorical one splits its categories into two sets, found
/// exactly by ordering the node's categories by their mean target (Breiman's rule for regression), with categories absent
/// from the node going right. Every feature is tried at every node (the forest's randomness is its bootstrap), in
/// feature order, so the tree is a pure function of its inputs.
/// </summary>
internal sealed class RegressionTree
{
    private readonly List<TreeNode> nodes = [];
    private readonly FeatureMatrix data;
    private readonly double[] target;
    private readonly int maxDepth;
    private readonly int minLeaf;

    private RegressionTree(FeatureMatrix data, double[] target, int maxDepth, int minLeaf)
    {
        this.data = data;
        this.target = target;
        this.maxDepth = maxDepth;
        this.minLeaf = Math.Max(1, minLeaf);
    }

    /// <summary>The nodes; index 0 is the root.</summary>
    public IReadOnlyList<TreeNode> Nodes => nodes;

    /// <summary>Grows a tree on the rows <paramref name="sample"/> (repeats allowed: a bootstrap sample).</summary>
    public static RegressionTree Fit(FeatureMatrix data, double[] target, int[] sample, int maxDepth, int minLeaf)
    {
        var tree = new RegressionTree(data, target, maxDepth, minLeaf);
        tree.Grow((int[])sample.Clone(), 0, sample.Length, 0);
        return tree;
    }

    public double Predict(IReadOnlyList<double> features)
    {
        var node = nodes[0];
        while (!node.IsLeaf)
        {
            var x = features[node.Feature];
            var left = node.LeftCategories is { } set ? set[(int)x] : x <= node.Threshold;
            node = nodes[left ? node.Left : node.Right];
        }
        return node.Value;
    }

    private int Grow(int[] rows, int start, int count, int depth)
    {
        var id = nodes.Count;
        double sum = 0;
        for (var i = start; i < start + count; i++)
        {
            sum += target[rows[i]];
        }
        nodes.Add(TreeNode.Leaf(sum / count));
        if (depth >= maxDepth || count < 2 * minLeaf || FindSplit(rows, start, count, sum) is not { } split)
        {
            return id;
        }
        var leftCount = Partition(rows, start, count, split);
        var left = Grow(rows, start, leftCount, depth + 1);
        var right = Grow(rows, start + leftCount, count - leftCount, depth + 1);
        nodes[id] = new TreeNode(split.Feature, split.Threshold, split.LeftCategories, left, right, sum / count);
        return id;
    }

    private Split? FindSplit(int[] rows, int start, int count, double sum)
    {
        var parent = sum * sum / count;
        double sumSquares = 0;
        for (var i = start; i < start + count; i++)
        {
            sumSquares += target[rows[i]] * target[rows[i]];
        }
        // Gains below this are rounding noise (a node whose targets are all equal has none).
        var tolerance = 1e-12 * Math.Max(1, sumSquares);
        Split? best = null;
        var bestGain = tolerance;
        for (var feature = 0; feature < data.Features; feature++)
        {
            var candidate = data.IsCategorical(feature)
                ? CategoricalSplit(rows, start, count, feature)
                : NumericSplit(rows, start, count, feature);
            if (candidate is { } found && found.Score - parent > bestGain)
            {
                bestGain = found.Score - parent;
                best = found;
            }
        }
        return best;
    }

    private Split? NumericSplit(int[] rows, int start, int count, int feature)
    {
        var column = data.Columns[feature];
        var keys = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = column[rows[start + i]];
            ys[i] = target[rows[start + i]];
        }
        Array.Sort(keys, ys);
        double total = 0;
        foreach (var y in ys)
        {
            total += y;
        }
        Split? best = null;
        double left = 0;
        for (var i = 0; i < count - 1; i++)
        {
            left += ys[i];
            var leftCount = i + 1;
            if (keys[i] == keys[i + 1] || leftCount < minLeaf || count - leftCount < minLeaf)
            {
                continue;
            }
            var score = left * left / leftCount + (total - left) * (total - left) / (count - leftCount);
            if (best is null || score > best.Score)
            {
                best = new Split(feature, (keys[i] + keys[i + 1]) / 2, null, score);
            }
        }
        return best;
    }

    private Split? CategoricalSplit(int[] rows, int start, int count, int feature)
    {
        var column = data.Columns[feature];
        var categories = data.CategoryCounts[feature];
        var counts = new int[categories];
        var sums = new double[categories];
        for (var i = start; i < start + count; i++)
        {
            var code = (int)column[rows[i]];
            counts[code]++;
            sums[code] += target[rows[i]];
        }
        var present = Enumerable.Range(0, categories).Where(c => counts[c] > 0)
            .OrderBy(c => sums[c] / counts[c]).ThenBy(c => c).ToArray();
        var total = sums.Sum();
        Split? best = null;
        double left = 0;
        var leftCount = 0;
        for (var k = 0; k < present.Length - 1; k++)
        {
            left += sums[present[k]];
            leftCount += counts[present[k]];
            if (leftCount < minLeaf || count - leftCount < minLeaf)
            {
                continue;
            }
            var score = left * left / leftCount + (total - left) * (total - left) / (count - leftCount);
            if (best is null || score > best.Score)
            {
                var set = new bool[categories];
                foreach (var c in present.Take(k + 1))
                {
                    set[c] = true;
                }
                best = new Split(feature, double.NaN, set, score);
            }
        }
        return best;
    }

    /// <summary>Moves the rows going left to the front of the segment; returns how many they are.</summary>
    private int Partition(int[] rows, int start, int count, Split split)
    {
        var column = data.Columns[split.Feature];
        var next = start;
        for (var i = start; i < start + count; i++)
        {
            var x = column[rows[i]];
            var left = split.LeftCategories is { } set ? set[(int)x] : x <= split.Threshold;
            if (left)
            {
                (rows[next], rows[i]) = (rows[i], rows[next]);
                next++;
            }
        }
        return next - start;
    }

    private sealed record Split(int Feature, double Threshold, bool[]? LeftCategories, double Score);
}
