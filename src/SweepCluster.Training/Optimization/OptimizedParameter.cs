using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>A trainable tensor and whether the L1 term applies to it (weights; biases only with include_biases).</summary>
public sealed record OptimizedParameter(Tensor Value, bool Penalized);
