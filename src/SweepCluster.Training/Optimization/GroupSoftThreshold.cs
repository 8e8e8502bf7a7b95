using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// The proximal operator of <c>t·Σ_g √p_g ‖W_g‖₂</c> for groups that are slices of one weight tensor along
/// <c>dim</c> (each group holds the <c>p_g = shape[dim]</c> entries that share every other index), in place:
/// <c>W_g ← W_g · max(0, 1 − t·√p_g / ‖W_g‖₂)</c>. A group whose norm is at most its threshold becomes exactly 0 as a
/// whole; the others shrink towards 0 along their own direction. A threshold of 0 leaves the weights exactly as they were.
/// Callers run it inside a dispose scope, which frees the temporaries.
/// </summary>
internal static class GroupSoftThreshold
{
    /// <summary>Stands in for a zero norm: a zero group stays zero (the factor is 0 or 1, never NaN).</summary>
    private const double TinyNorm = 1e-30;

    /// <param name="scale">The step's <c>lr·λ</c>; each group's threshold is that times √p_g.</param>
    public static void Apply(Tensor weight, long dim, double scale)
    {
        using var threshold = (-scale * Math.Sqrt(weight.shape[dim])).ToScalar();
        using var one = 1.0.ToScalar();
        using var zero = 0.0.ToScalar();
        var factor = Norms(weight, dim).reciprocal_().mul_(threshold).add_(one, one).clamp_min_(zero);
        weight.mul_(factor);
    }

    /// <param name="scales">Per trial <c>lr_k·λ_k</c> <c>[K, 1, 1]</c> of a packed weight <c>[K, in, out]</c> (0: the trial's slice is left alone).</param>
    public static void Apply(Tensor weight, long dim, Tensor scales)
    {
        using var root = (-Math.Sqrt(weight.shape[dim])).ToScalar();
        using var one = 1.0.ToScalar();
        using var zero = 0.0.ToScalar();
        var factor = Norms(weight, dim).reciprocal_().mul_(scales).mul_(root).add_(one, one).clamp_min_(zero);
        weight.mul_(factor);
    }

    /// <summary>Each group's ‖W_g‖₂, kept as a size-1 dimension so that it broadcasts over its group (at least <see cref="TinyNorm"/>).</summary>
    private static Tensor Norms(Tensor weight, long dim)
    {
        using var tiny = TinyNorm.ToScalar();
        return weight.square().sum([dim], keepdim: true).sqrt_().clamp_min_(tiny);
    }
}
