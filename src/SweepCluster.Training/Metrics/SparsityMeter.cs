using SweepCluster.Training.Data;
using SweepCluster.Training.Network;
using TorchSharp;

namespace SweepCluster.Training.Metrics;

/// <summary>
/// Measures <c>sparsity</c> (fraction of weight entries with |w| ≤ threshold), <c>exact_zero_fraction</c>,
/// per-layer sparsity, <c>active_inputs</c> (input features with any outgoing weight above the threshold) and their names,
/// <c>active_neurons</c> (per hidden layer, the units with any incoming weight above the threshold) and the weights' L1 norm.
/// </summary>
public static class SparsityMeter
{
    /// <param name="inputNames">The inputs' names in order; null names them <c>x0…</c>.</param>
    public static SparsityReport Measure(FeedForwardNetwork network, double threshold, IReadOnlyList<string>? inputNames = null) =>
        Measure(network.Weights.ToList(), threshold, inputNames);

    /// <summary>The same measures for weight matrices in <c>[out, in]</c> layout, first layer first (e.g. views of a packed trial's slices).</summary>
    public static SparsityReport Measure(IReadOnlyList<torch.Tensor> weights, double threshold, IReadOnlyList<string>? inputNames = null)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var limit = threshold.ToScalar();
        using var zero = 0.0.ToScalar();
        long small = 0, zeros = 0, total = 0;
        double l1 = 0;
        var perLayer = new List<double>();
        var activeNeurons = new List<int>();
        for (var l = 0; l < weights.Count; l++)
        {
            var weight = weights[l];
            var magnitude = weight.abs();
            var layerSmall = magnitude.le(limit).sum().item<long>();
            small += layerSmall;
            zeros += weight.eq(zero).sum().item<long>();
            total += weight.numel();
            l1 += magnitude.sum().item<float>();
            perLayer.Add((double)layerSmall / weight.numel());
            if (l + 1 < weights.Count)
            {
                // A hidden unit is a row of [out, in]: active when any incoming weight is above the threshold.
                activeNeurons.Add((int)magnitude.gt(limit).any(1).sum().item<long>());
            }
        }
        // The first layer's weight is [hidden, inputs]: an input is active when any row uses it.
        var firstLayer = weights[0].abs();
        var used = firstLayer.gt(limit).any(0).nonzero().view(-1).cpu().data<long>().ToArray();
        var names = inputNames ?? TensorDataset.DefaultNames((int)weights[0].shape[1]);
        return new SparsityReport((double)small / total, (double)zeros / total, perLayer, used.Length, l1,
            used.Select(i => names[(int)i]).ToList(), activeNeurons);
    }
}
