using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="Optimization.ZeroPattern"/> on stacked weights <c>[K, in, out]</c>: each trial's slice is frozen when that trial
/// begins its refit (its entries with <c>|w| ≤</c> its own sparsity threshold become 0 and stay so); the slices of trials not
/// refitting keep a mask of ones, which leaves their numbers exactly as they are. Holds no masks until a trial freezes.
/// </summary>
internal sealed class PackedZeroPattern(PackedNetwork network) : IDisposable
{
    private List<Tensor>? masks;

    /// <summary>Freezes trial <paramref name="k"/>'s slice now.</summary>
    public void Freeze(int k, double threshold)
    {
        using var noGrad = torch.no_grad();
        masks ??= network.Layers.Select(l => torch.ones_like(l.Weight).DetachFromDisposeScope()).ToList();
        foreach (var (layer, mask) in network.Layers.Zip(masks))
        {
            using var scope = torch.NewDisposeScope();
            var slice = layer.Weight[k];
            using var limit = threshold.ToScalar();
            var kept = slice.abs().gt(limit).to_type(slice.dtype);
            mask[k].copy_(kept);
            slice.mul_(kept);
        }
    }

    /// <summary>Zeroes the gradients of the frozen entries (after backward, before the optimizer step).</summary>
    public void MaskGradients()
    {
        if (masks is null)
        {
            return;
        }
        using var noGrad = torch.no_grad();
        foreach (var (layer, mask) in network.Layers.Zip(masks))
        {
            layer.Weight.grad?.mul_(mask);
        }
    }

    /// <summary>Sets the frozen entries back to exactly 0 (after the optimizer step).</summary>
    public void Reapply()
    {
        if (masks is null)
        {
            return;
        }
        using var noGrad = torch.no_grad();
        foreach (var (layer, mask) in network.Layers.Zip(masks))
        {
            layer.Weight.mul_(mask);
        }
    }

    public void Dispose() => masks?.ForEach(m => m.Dispose());
}
