using SweepCluster.Core.Models;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>Copies a network's parameters (a single network's, or one slice of a pack's) off the device into a <see cref="TrainedModel"/>.</summary>
internal static class ModelExport
{
    /// <param name="layers">Each layer's weight <c>[out, in]</c> and bias <c>[out]</c>, first layer first.</param>
    public static TrainedModel From(IReadOnlyList<(Tensor Weight, Tensor Bias)> layers, TensorDataset data, TrialSpec trial) =>
        new(data.FeatureNames,
            Classes(data.ClassNames, (int)layers[^1].Weight.shape[0]),
            ModelTensor.FromFloats(data.InputMean, data.InputMean.Length),
            ModelTensor.FromFloats(data.InputScale, data.InputScale.Length),
            [.. layers.Select(l => new ModelLayer(Copy(l.Weight), Copy(l.Bias)))],
            trial.Seed,
            (trial.Data as CsvDataSpec)?.Label,
            data.IsRegression ? SweepTask.Regression : SweepTask.Classification,
            data.Target?.Mean ?? 0,
            data.Target?.Std ?? 1);

    // model.outputs may exceed the data's classes: the extra outputs are named by their index, as unnamed classes are.
    // A regression network's one output is its prediction, no class.
    private static IReadOnlyList<string> Classes(IReadOnlyList<string> names, int outputs) => names.Count == 0 && outputs == 1 ? [] :
        [.. names, .. Enumerable.Range(names.Count, Math.Max(0, outputs - names.Count)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static ModelTensor Copy(Tensor tensor)
    {
        using var host = tensor.detach().to(float32).cpu().contiguous();
        return ModelTensor.FromFloats(host.data<float>().ToArray(), [.. tensor.shape.Select(d => (int)d)]);
    }
}
