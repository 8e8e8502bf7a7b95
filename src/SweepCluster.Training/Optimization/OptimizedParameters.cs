using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// The parameters an optimizer updates, in layer order: each weight (penalized) then its bias (penalized only with
/// include_biases). Single and packed optimizers take the same list, so the L1 term applies to the same tensors.
/// </summary>
internal static class OptimizedParameters
{
    public static List<OptimizedParameter> Of(IEnumerable<(Tensor Weight, Tensor Bias)> layers, bool includeBiases) =>
        layers.SelectMany(l => new[] { new OptimizedParameter(l.Weight, true), new OptimizedParameter(l.Bias, includeBiases) }).ToList();
}
