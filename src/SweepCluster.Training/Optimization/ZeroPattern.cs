using SweepCluster.Core.Sweeps;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// The refit's frozen zero pattern (relaxed lasso): when frozen, every weight entry outside the selected support (see
/// <see cref="RefitSupport"/>) is set to exactly 0, and it stays 0 from then on: its gradient is masked before
/// each optimizer step and the mask is applied again after it (Adam's and SGD's momentum would otherwise move it).
/// </summary>
public sealed class ZeroPattern : IDisposable
{
    private readonly IReadOnlyList<Tensor> weights;
    private readonly List<Tensor> masks;

    private ZeroPattern(IReadOnlyList<Tensor> weights, List<Tensor> masks)
    {
        this.weights = weights;
        this.masks = masks;
    }

    /// <summary>Freezes the pattern of <paramref name="weights"/> now: entries with <c>|w| ≤ threshold</c> become 0 and stay so.</summary>
    public static ZeroPattern Freeze(IReadOnlyList<Tensor> weights, double threshold) =>
        Freeze(weights, new TrainingSettings(SparsityThreshold: threshold));

    /// <summary>
    /// Freezes what <paramref name="settings"/>' L1 mode selected out of <paramref name="weights"/> (the layers' <c>[out, in]</c>
    /// matrices in order; see <see cref="RefitSupport"/>): those entries become 0 and stay so, every other one trains.
    /// </summary>
    public static ZeroPattern Freeze(IReadOnlyList<Tensor> weights, TrainingSettings settings)
    {
        using var noGrad = torch.no_grad();
        var masks = new List<Tensor>(weights.Count);
        for (var i = 0; i < weights.Count; i++)
        {
            var dims = RefitSupport.GroupDims(settings.L1Groups, i, weights.Count);
            var mask = RefitSupport.KeptMask(weights[i], settings, dims).DetachFromDisposeScope();
            weights[i].mul_(mask);
            masks.Add(mask);
        }
        return new ZeroPattern(weights, masks);
    }

    /// <summary>Zeroes the gradients of the frozen entries (call after backward, before the optimizer step).</summary>
    public void MaskGradients()
    {
        using var noGrad = torch.no_grad();
        foreach (var (weight, mask) in weights.Zip(masks))
        {
            weight.grad?.mul_(mask);
        }
    }

    /// <summary>Sets the frozen entries back to exactly 0 (call after the optimizer step).</summary>
    public void Reapply()
    {
        using var noGrad = torch.no_grad();
        foreach (var (weight, mask) in weights.Zip(masks))
        {
            weight.mul_(mask);
        }
    }

    public void Dispose() => masks.ForEach(m => m.Dispose());
}
