using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Data;

/// <summary>
/// A split, standardized dataset living in tensors on the training device. Batches are index
/// selections from these tensors, never per-batch copies from managed arrays. <see cref="FeatureNames"/> names the
/// feature columns in order (the CSV header's names; <c>x0…</c> when none were given, as for synthetic data).
/// <see cref="ClassNames"/> are the data's own labels in class-index order, and <see cref="InputMean"/> and
/// <see cref="InputScale"/> the standardisation the features went through: an exported model carries all three.
/// A regression dataset (<see cref="Target"/> not null) holds the standardised targets (float32) as its labels, one
/// output, no class names, and the validation targets' sum of squares about their mean (<see cref="ValidationTotalSquares"/>,
/// in the target's units) that R² divides by.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    public TensorDataset(Tensor trainFeatures, Tensor trainLabels, Tensor validationFeatures, Tensor validationLabels, int classes,
        IReadOnlyList<string>? featureNames = null, IReadOnlyList<string>? classNames = null, float[]? inputMean = null, float[]? inputScale = null,
        SweepCluster.Core.Results.TargetScaling? target = null, double validationTotalSquares = 0)
    {
        Target = target;
        ValidationTotalSquares = validationTotalSquares;
        TrainFeatures = trainFeatures;
        TrainLabels = trainLabels;
        ValidationFeatures = validationFeatures;
        ValidationLabels = validationLabels;
        Classes = classes;
        var features = (int)trainFeatures.shape[1];
        if (featureNames is not null && featureNames.Count != features)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {features} features", nameof(featureNames));
        }
        FeatureNames = featureNames ?? DefaultNames(features);
        ClassNames = classNames ?? (target is not null ? [] : Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        InputMean = inputMean ?? new float[features];
        InputScale = inputScale ?? Enumerable.Repeat(1f, features).ToArray();
    }

    /// <summary><c>x0 … x{n-1}</c>: the names of features that have none of their own.</summary>
    public static IReadOnlyList<string> DefaultNames(int features) =>
        Enumerable.Range(0, features).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x{i}")).ToList();

    public Tensor TrainFeatures { get; }

    public Tensor TrainLabels { get; }

    public Tensor ValidationFeatures { get; }

    public Tensor ValidationLabels { get; }

    public int Classes { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The training split's mean per raw feature (0 for data that came standardised).</summary>
    public float[] InputMean { get; }

    /// <summary>The training split's standard deviation per raw feature (1 for a constant column, and for data that came standardised).</summary>
    public float[] InputScale { get; }

    /// <summary>The target's standardisation for a regression dataset; null for classification.</summary>
    public SweepCluster.Core.Results.TargetScaling? Target { get; }

    public bool IsRegression => Target is not null;

    /// <summary>Σ (y − ȳ)² over the validation targets, in the target's units (0 for classification).</summary>
    public double ValidationTotalSquares { get; }

    public int Features => (int)TrainFeatures.shape[1];

    public long TrainRows => TrainFeatures.shape[0];

    public long ValidationRows => ValidationFeatures.shape[0];

    public void Dispose()
    {
        TrainFeatures.Dispose();
        TrainLabels.Dispose();
        ValidationFeatures.Dispose();
        ValidationLabels.Dispose();
    }
}
