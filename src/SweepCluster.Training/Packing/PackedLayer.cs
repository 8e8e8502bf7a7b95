using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>One stacked linear layer: weights <c>[K, in, out]</c> (trial k's <c>W_kᵀ</c>) and biases <c>[K, 1, out]</c>.</summary>
internal sealed record PackedLayer(Tensor Weight, Tensor Bias);
