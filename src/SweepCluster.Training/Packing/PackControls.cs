using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// The per-trial factors that depend on which trials still train and in which phase: a trial that has ended gets loss
/// weight 0, learning rate 0 and lambda 0, so its slice no longer moves while the others go on; a trial in its refit gets
/// lambda 0 (no penalty, no threshold).
/// </summary>
internal sealed class PackControls : IDisposable
{
    private PackControls(Tensor lossWeights, Tensor learningRates, Tensor lambdas, Tensor proximalScales)
    {
        LossWeights = lossWeights;
        LearningRates = learningRates;
        Lambdas = lambdas;
        ProximalScales = proximalScales;
    }

    /// <summary><c>[K]</c>: 1 for a running trial, 0 for one that has ended.</summary>
    public Tensor LossWeights { get; }

    /// <summary><c>[K, 1, 1]</c>: each running trial's learning rate.</summary>
    public Tensor LearningRates { get; }

    /// <summary><c>[K, 1, 1]</c>: each running trial's lambda in its current phase (the penalty's strength).</summary>
    public Tensor Lambdas { get; }

    /// <summary><c>[K, 1, 1]</c>: each running trial's <c>lr·λ</c> in its current phase, the scale of its proximal or group threshold.</summary>
    public Tensor ProximalScales { get; }

    /// <summary>Whether any running trial has a lambda above 0 in its current phase.</summary>
    public bool AnyLambda { get; private init; }

    public static PackControls For(IReadOnlyList<PackMember> members, Device device)
    {
        float Running(PackMember m, double value) => m.Running ? (float)value : 0f;
        var k = members.Count;
        return new PackControls(
            torch.tensor(members.Select(m => Running(m, 1)).ToArray(), [k], device: device),
            torch.tensor(members.Select(m => Running(m, m.Trial.Training.LearningRate)).ToArray(), [k, 1, 1], device: device),
            torch.tensor(members.Select(m => Running(m, m.Lambda)).ToArray(), [k, 1, 1], device: device),
            torch.tensor(members.Select(m => Running(m, m.Trial.Training.LearningRate * m.Lambda)).ToArray(), [k, 1, 1], device: device))
        {
            AnyLambda = members.Any(m => m.Running && m.Lambda != 0),
        };
    }

    public void Dispose()
    {
        LossWeights.Dispose();
        LearningRates.Dispose();
        Lambdas.Dispose();
        ProximalScales.Dispose();
    }
}
