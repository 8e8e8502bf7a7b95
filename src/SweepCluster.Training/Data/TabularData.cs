namespace SweepCluster.Training.Data;

/// <summary>
/// A table in managed memory, before the split: row-major features (<c>Rows × Features</c>) and either labels as class
/// indices in [0, ClassNames.Count) (classification) or, for a regression table, the numeric <see cref="Targets"/> (one per
/// row; <see cref="Labels"/> and <see cref="ClassNames"/> are then empty).
/// </summary>
public sealed record TabularData(
    float[] Features,
    long[] Labels,
    int Rows,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> ClassNames,
    double[]? Targets = null)
{
    public int FeatureCount => FeatureNames.Count;

    public int ClassCount => ClassNames.Count;

    public bool IsRegression => Targets is not null;
}
