namespace SweepCluster.Training.Data;

/// <summary>
/// A classification table in managed memory, before the split: row-major features
/// (<c>Rows × Features</c>), labels as class indices in [0, ClassNames.Count).
/// </summary>
public sealed record TabularData(
    float[] Features,
    long[] Labels,
    int Rows,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> ClassNames)
{
    public int FeatureCount => FeatureNames.Count;

    public int ClassCount => ClassNames.Count;
}
