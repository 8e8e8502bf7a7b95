using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>
/// <c>Σ|w|</c> over the weight matrices (the usual regularizer over parameters named <c>*weight</c>),
/// plus the biases only when asked.
/// </summary>
public static class L1Term
{
    public static Tensor Compute(FeedForwardNetwork network, bool includeBiases)
    {
        var parameters = includeBiases ? network.Weights.Concat(network.Biases) : network.Weights;
        Tensor? total = null;
        foreach (var parameter in parameters)
        {
            var term = parameter.abs().sum();
            total = total is null ? term : total.add(term);
        }
        return total ?? torch.zeros(1);
    }
}
