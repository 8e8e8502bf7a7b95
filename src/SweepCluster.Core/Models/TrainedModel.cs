namespace SweepCluster.Core.Models;

/// <summary>
/// A trial's network at the epoch its metrics come from (the best epoch, or the refit's best), with what a user needs to
/// run it on raw rows: the feature names in the data's column order, the training split's standardisation
/// (<c>(x − InputMean) / InputStd</c> per feature), and the class labels in output order. The layers are
/// <c>Linear → ReLU</c> but the last, which gives logits (dropout only acts in training). <paramref name="Seed"/>: the
/// trial's seed; <paramref name="LabelColumn"/>: the data's label column (null for synthetic data), which a file to
/// predict on may hold. Plain managed data, so that it travels with a result and the writers need no TorchSharp.
/// A regression model (<paramref name="Task"/>) has one output, no classes, and gives the standardised target: its
/// prediction in the target's units is <c>output · TargetStd + TargetMean</c> (the training split's statistics).
/// </summary>
public sealed record TrainedModel(
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Classes,
    ModelTensor InputMean,
    ModelTensor InputStd,
    IReadOnlyList<ModelLayer> Layers,
    long Seed,
    string? LabelColumn = null,
    Sweeps.SweepTask Task = Sweeps.SweepTask.Classification,
    double TargetMean = 0,
    double TargetStd = 1)
{
    public int Inputs => Layers[0].Inputs;

    public int Outputs => Layers[^1].Outputs;

    /// <summary>The hidden layers' widths: the sweep's <c>widths</c>.</summary>
    public IReadOnlyList<int> Widths => [.. Layers.Take(Layers.Count - 1).Select(l => l.Outputs)];

    /// <summary>The weights' size in bytes, as a wire limit sees it (before base64).</summary>
    public long Bytes => InputMean.Data.Length + InputStd.Data.Length + Layers.Sum(l => (long)l.Weight.Data.Length + l.Bias.Data.Length);
}
