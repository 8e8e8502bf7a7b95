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
    /// <summary>The value <c>Σ|w|</c> (for reports and tests; training adds its gradient directly, see <see cref="AddGradient"/>).</summary>
    public static Tensor Compute(FeedForwardNetwork network, bool includeBiases)
    {
        using var flat = torch.cat(Penalized(network, includeBiases).Select(p => p.view(-1)).ToArray());
        return flat.abs().sum();
    }

    /// <summary>
    /// Adds the gradient of <c>lambda · Σ|w|</c>, <c>lambda · sign(w)</c>, to each penalized parameter's gradient, after the
    /// cross-entropy's backward pass. The same numbers autograd gives for the term (|w|' is sign(w), 0 at 0), without
    /// building the term into the graph: its backward (a broadcast over every weight) cost more than the forward pass.
    /// </summary>
    public static void AddGradient(FeedForwardNetwork network, bool includeBiases, double lambda)
    {
        using var noGrad = torch.no_grad();
        using var factor = lambda.ToScalar();
        foreach (var parameter in Penalized(network, includeBiases))
        {
            if (parameter.grad is { } gradient)
            {
                using var sign = parameter.sign();
                gradient.add_(sign, factor);
            }
        }
    }

    private static IEnumerable<Tensor> Penalized(FeedForwardNetwork network, bool includeBiases) =>
        includeBiases ? network.Weights.Concat(network.Biases) : network.Weights;
}
