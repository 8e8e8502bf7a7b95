using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>
/// <c>Σ|w|</c> over the weight matrices (the usual regularizer over parameters named <c>*weight</c>),
/// plus the biases only when asked. One reduction over all of them (flattened and joined): it runs every
/// training step, and one abs and one sum (and their backward) cost less than one per tensor plus the adds.
/// </summary>
public static class L1Term
{
    public static Tensor Compute(FeedForwardNetwork network, bool includeBiases)
    {
        var parameters = includeBiases ? network.Weights.Concat(network.Biases) : network.Weights;
        using var flat = torch.cat(parameters.Select(p => p.view(-1)).ToArray());
        return flat.abs().sum();
    }
}
