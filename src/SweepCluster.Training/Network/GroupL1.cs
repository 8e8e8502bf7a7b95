using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>
/// The group L1 term of <c>l1_mode: group</c>, <c>λ · Σ_g √p_g ‖W_g‖₂</c> (p_g = the group's size), and its proximal step.
/// Groups (weights <c>[out, in]</c>): <see cref="L1Groups.Inputs"/> = each column of the first weight matrix (every weight
/// leaving one input, p_g = h1); <see cref="L1Groups.Neurons"/> = each hidden unit's incoming weights (a row of every weight
/// matrix but the last, p_g = that layer's inputs); <see cref="L1Groups.Both"/> = both sets. Biases are in no group.
/// </summary>
public static class GroupL1
{
    /// <summary>The value <c>Σ_g √p_g ‖W_g‖₂</c> (without λ), for reports and tests; training applies <see cref="Shrink"/>.</summary>
    public static double Compute(FeedForwardNetwork network, L1Groups groups)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var total = 0.0;
        foreach (var (weight, dim) in Groups(network, groups))
        {
            var norms = weight.square().sum([dim]).sqrt_();
            total += Math.Sqrt(weight.shape[dim]) * norms.sum().item<float>();
        }
        return total;
    }

    /// <summary>
    /// The group soft-threshold after an optimizer step, <c>W_g ← W_g · max(0, 1 − t_g/‖W_g‖₂)</c> with
    /// <c>t_g = <paramref name="scale"/>·√p_g</c> and <paramref name="scale"/> = <c>lr·λ</c> (for Adam and SGD alike). With
    /// <see cref="L1Groups.Both"/> the input columns are thresholded first, then the hidden units' rows (the groups overlap in
    /// the first layer, where the joint proximal step has no closed form; one after the other is the usual stand-in).
    /// </summary>
    public static void Shrink(FeedForwardNetwork network, L1Groups groups, double scale)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (weight, dim) in Groups(network, groups))
        {
            GroupSoftThreshold.Apply(weight, dim, scale);
        }
    }

    /// <summary>Each grouped weight matrix with the dimension its groups run along (the one the norm sums over), in the order the step takes them.</summary>
    private static IEnumerable<(Tensor Weight, long Dim)> Groups(FeedForwardNetwork network, L1Groups groups)
    {
        if (groups is L1Groups.Inputs or L1Groups.Both)
        {
            yield return (network.Layers[0].Weight, 0); // a column: the h1 weights leaving one input
        }
        if (groups is L1Groups.Neurons or L1Groups.Both)
        {
            foreach (var layer in network.Layers.Take(network.Layers.Count - 1))
            {
                yield return (layer.Weight, 1); // a row: the weights into one hidden unit
            }
        }
    }
}
