using SweepCluster.Training.Network;
using TorchSharp;

namespace SweepCluster.Training.Metrics;

/// <summary>
/// Measures <c>sparsity</c> (fraction of weight entries with |w| ≤ threshold), <c>exact_zero_fraction</c>,
/// per-layer sparsity, <c>active_inputs</c> (input features with any outgoing weight above the threshold)
/// and the weights' L1 norm.
/// </summary>
public static class SparsityMeter
{
    public static SparsityReport Measure(FeedForwardNetwork network, double threshold) =>
        Measure(network.Weights.ToList(), threshold);

    /// <summary>The same measures for weight matrices in <c>[out, in]</c> layout, first layer first (e.g. views of a packed trial's slices).</summary>
    public static SparsityReport Measure(IReadOnlyList<torch.Tensor> weights, double threshold)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var limit = threshold.ToScalar();
        using var zero = 0.0.ToScalar();
        long small = 0, zeros = 0, total = 0;
        double l1 = 0;
        var perLayer = new List<double>();
        foreach (var weight in weights)
        {
            var magnitude = weight.abs();
            var layerSmall = magnitude.le(limit).sum().item<long>();
            small += layerSmall;
            zeros += weight.eq(zero).sum().item<long>();
            total += weight.numel();
            l1 += magnitude.sum().item<float>();
            perLayer.Add((double)layerSmall / weight.numel());
        }
        // The first layer's weight is [hidden, inputs]: an input is active when any row uses it.
        var firstLayer = weights[0].abs();
        var activeInputs = (int)firstLayer.gt(limit).any(0).sum().item<long>();
        return new SparsityReport((double)small / total, (double)zeros / total, perLayer, activeInputs, l1);
    }
}
