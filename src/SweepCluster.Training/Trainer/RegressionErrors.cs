using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Sums of a regression network's validation errors in the target's units: the outputs and labels are standardised, so
/// each error is <c>(output − label) · σ</c>. Works on one network's outputs <c>[L, 1]</c> (sums are scalars) and on a
/// pack's <c>[K, L, 1]</c> (sums per trial, <c>[K]</c>).
/// </summary>
internal static class RegressionErrors
{
    public static (Tensor Squared, Tensor Absolute) Sums(Tensor outputs, Tensor labels, Scalar std)
    {
        var errors = outputs.squeeze(-1).sub(labels).mul(std);
        return (errors.square().sum([-1]), errors.abs().sum([-1]));
    }
}
