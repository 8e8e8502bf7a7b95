using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// The training loss of a trial, per row and before the L1 term: cross-entropy on logits for classification; for
/// regression, on the standardised target, the squared error (<see cref="LossKind.Mse"/>) or Huber's loss
/// <c>½d²</c> for |d| ≤ δ, <c>δ(|d| − ½δ)</c> beyond (<see cref="LossKind.Huber"/>, δ = huber_delta, as PyTorch's
/// <c>huber_loss</c>). Huber is written as <c>q·(|d| − ½q)</c> with <c>q = min(|d|, δ)</c>: one expression, both branches.
/// Shared by the single and the packed run, so that both train the same objective. Holds its numbers as <see cref="Scalar"/>s
/// for its lifetime (docs/architecture.md, "Numbers passed to libtorch").
/// </summary>
public sealed class TrialLoss : IDisposable
{
    private readonly bool regression;
    private readonly LossKind kind;
    private readonly Scalar delta;
    private readonly Scalar half = 0.5.ToScalar();

    public TrialLoss(TensorDataset data, TrainingSettings settings)
    {
        regression = data.IsRegression;
        kind = settings.Loss;
        delta = settings.HuberDelta.ToScalar();
        // The standardised loss times σ² is the loss in the target's units (Huber: with δ·σ), which train_loss reports.
        TrainLossScale = data.Target is { } target ? target.Std * target.Std : 1;
    }

    /// <summary>What a mean training loss is multiplied by to be in the target's units (1 for classification).</summary>
    public double TrainLossScale { get; }

    /// <summary>The mean loss over the rows of <paramref name="outputs"/> <c>[M, C]</c> (C = 1 for regression).</summary>
    public Tensor Mean(Tensor outputs, Tensor labels) =>
        regression ? PerRow(outputs, labels).mean() : nn.functional.cross_entropy(outputs, labels);

    /// <summary>Each row's loss, <c>[M]</c>.</summary>
    public Tensor PerRow(Tensor outputs, Tensor labels)
    {
        if (!regression)
        {
            return nn.functional.cross_entropy(outputs, labels, reduction: nn.Reduction.None);
        }
        var difference = outputs.squeeze(-1).sub(labels);
        if (kind == LossKind.Mse)
        {
            return difference.square();
        }
        var size = difference.abs();
        var quadratic = size.clamp_max(delta);
        return quadratic.mul(size.sub(quadratic.mul(half)));
    }

    public void Dispose()
    {
        delta.Dispose();
        half.Dispose();
    }
}
