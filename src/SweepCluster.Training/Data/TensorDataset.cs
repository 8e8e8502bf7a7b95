using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Data;

/// <summary>
/// A split, standardized dataset living in tensors on the training device. Batches are index
/// selections from these tensors, never per-batch copies from managed arrays.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    public TensorDataset(Tensor trainFeatures, Tensor trainLabels, Tensor validationFeatures, Tensor validationLabels, int classes)
    {
        TrainFeatures = trainFeatures;
        TrainLabels = trainLabels;
        ValidationFeatures = validationFeatures;
        ValidationLabels = validationLabels;
        Classes = classes;
    }

    public Tensor TrainFeatures { get; }

    public Tensor TrainLabels { get; }

    public Tensor ValidationFeatures { get; }

    public Tensor ValidationLabels { get; }

    public int Classes { get; }

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
