using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="Optimization.ZeroPattern"/> on stacked weights <c>[K, in, out]</c>: each trial's slice is frozen when that trial
/// begins its refit (the entries outside its own selected support become 0 and stay so); the slices of trials not
/// refitting keep a mask of ones, which leaves their numbers exactly as they are. Holds no masks until a trial freezes.
/// </summary>
internal sealed class PackedZeroPattern(PackedNetwork network) : IDisposable
{
    private List<Tensor>? masks;

    /// <summary>Freezes what trial <paramref name="k"/>'s L1 mode selected out of its slice now (see <see cref="RefitSupport"/>).</summary>
    public void Freeze(int k, TrainingSettings settings)
    {
        using var noGrad = torch.no_grad();
        masks ??= network.Layers.Select(l => torch.ones_like(l.Weight).DetachFromDisposeScope()).ToList();
        for (var i = 0; i < masks.Count; i++)
        {
            using var scope = torch.NewDisposeScope();
            var slice = network.Layers[i].Weight[k];
            var kept = RefitSupport.KeptMask(slice, settings, RefitSupport.SliceGroupDims(settings.L1Groups, i, masks.Count));
            masks[i][k].copy_(kept);
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
