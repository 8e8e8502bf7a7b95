using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// The per-trial factors that depend on which trials still train: a trial that has ended gets loss weight 0,
/// learning rate 0 and proximal scale 0, so its slice no longer moves while the others go on.
/// </summary>
internal sealed class PackControls : IDisposable
{
    private PackControls(Tensor lossWeights, Tensor learningRates, Tensor proximalScales)
    {
        LossWeights = lossWeights;
        LearningRates = learningRates;
        ProximalScales = proximalScales;
    }

    /// <summary><c>[K]</c>: 1 for a running trial, 0 for one that has ended.</summary>
    public Tensor LossWeights { get; }

    /// <summary><c>[K, 1, 1]</c>: each running trial's learning rate.</summary>
    public Tensor LearningRates { get; }

    /// <summary><c>[K, 1, 1]</c>: each running trial's <c>lr·λ</c>, the scale of its proximal threshold.</summary>
    public Tensor ProximalScales { get; }

    public static PackControls For(IReadOnlyList<PackMember> members, Device device)
    {
        float Running(PackMember m, double value) => m.Running ? (float)value : 0f;
        var k = members.Count;
        return new PackControls(
            torch.tensor(members.Select(m => Running(m, 1)).ToArray(), [k], device: device),
            torch.tensor(members.Select(m => Running(m, m.Trial.Training.LearningRate)).ToArray(), [k, 1, 1], device: device),
            torch.tensor(members.Select(m => Running(m, m.Trial.Training.LearningRate * m.Trial.Lambda)).ToArray(), [k, 1, 1], device: device));
    }

    public void Dispose()
    {
        LossWeights.Dispose();
        LearningRates.Dispose();
        ProximalScales.Dispose();
    }
}
