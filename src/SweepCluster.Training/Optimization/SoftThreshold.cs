using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>The proximal operator of <c>t·|w|</c>, in place: <c>w ← sign(w)·max(|w| − t, 0)</c>; gives exact zeros.</summary>
internal static class SoftThreshold
{
    public static void Apply(Tensor weight, Tensor threshold)
    {
        using var zero = 0.0.ToScalar();
        var shrunk = weight.abs().sub_(threshold).clamp_min_(zero);
        weight.copy_(weight.sign().mul_(shrunk));
    }

    public static void Apply(Tensor weight, double threshold)
    {
        using var zero = 0.0.ToScalar();
        using var t = threshold.ToScalar();
        var shrunk = weight.abs().sub_(t).clamp_min_(zero);
        weight.copy_(weight.sign().mul_(shrunk));
    }
}
