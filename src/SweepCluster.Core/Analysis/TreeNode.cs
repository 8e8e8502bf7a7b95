namespace SweepCluster.Core.Analysis;

/// <summary>
/// One node of a <see cref="RegressionTree"/>: a leaf (<see cref="Feature"/> −1) predicting <see cref="Value"/>, or a split
/// sending a row left when its feature is at most <see cref="Threshold"/> (numeric) or its category is in
/// <see cref="LeftCategories"/> (categorical). <see cref="Value"/> of a split is the mean of its rows.
/// </summary>
internal sealed record TreeNode(int Feature, double Threshold, bool[]? LeftCategories, int Left, int Right, double Value)
{
    public bool IsLeaf => Feature < 0;

    public static TreeNode Leaf(double value) => new(-1, double.NaN, null, -1, -1, value);
}
