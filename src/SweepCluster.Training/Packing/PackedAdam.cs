using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="AdamOptimizer"/>'s arithmetic on stacked parameters with a per-trial learning rate; the proximal
/// threshold is each weight's own <c>t = lr_k·λ_k / (√v̂ + ε)</c>. A trial whose state restarted (its refit) counts its
/// bias corrections from its restart, as a new single-trial Adam would; until any trial restarts, every trial shares the
/// pack's step count and the arithmetic is the scalar one.
/// </summary>
internal sealed class PackedAdam(IReadOnlyList<OptimizedParameter> parameters) : PackedOptimizer(parameters)
{
    private readonly AdamMoments moments = new(parameters);

    /// <summary>Per trial, the pack's step count when its state last restarted (0: never).</summary>
    private readonly long[] restarts = new long[parameters[0].Value.shape[0]];

    /// <summary>Per-trial <c>−(1 − β₁^t)</c> and <c>√(1 − β₂^t)</c> <c>[K, 1, 1]</c> of the current step, once a trial has restarted.</summary>
    private (Tensor NegativeCorrection1, Tensor SqrtCorrection2)? perTrial;

    protected override void BeginStep()
    {
        moments.BeginStep();
        DisposePerTrial();
        if (restarts.All(r => r == 0))
        {
            return;
        }
        var device = Parameters[0].Value.device;
        var steps = restarts.Select(r => moments.Step - r).ToArray();
        var shape = new long[] { restarts.Length, 1, 1 };
        var negativeCorrection1 = torch.tensor(steps.Select(t => (float)-AdamMoments.Correction1At(t)).ToArray(), shape, device: device);
        var sqrtCorrection2 = torch.tensor(steps.Select(t => (float)AdamMoments.SqrtCorrection2At(t)).ToArray(), shape, device: device);
        perTrial = (negativeCorrection1.DetachFromDisposeScope(), sqrtCorrection2.DetachFromDisposeScope());
    }

    protected override void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales)
    {
        using var one = 1.0.ToScalar();
        Tensor denominator;
        if (perTrial is var (negativeCorrection1, sqrtCorrection2))
        {
            denominator = moments.Advance(index, gradient, sqrtCorrection2);
            value.addcdiv_(moments.First(index).mul(learningRates.div(negativeCorrection1)), denominator, one);
        }
        else
        {
            denominator = moments.Advance(index, gradient);
            using var correction = (-moments.Correction1).ToScalar();
            value.addcdiv_(moments.First(index).mul(learningRates.div(correction)), denominator, one);
        }
        if (proximalScales is not null)
        {
            SoftThreshold.Apply(value, denominator.reciprocal().mul_(proximalScales));
        }
    }

    public override void ResetSlices(Tensor trials) => moments.ResetSlices(trials);

    public override void RestartSlices(Tensor trials)
    {
        moments.ResetSlices(trials);
        using var onCpu = trials.cpu();
        var restarted = onCpu.data<bool>().ToArray();
        for (var k = 0; k < restarts.Length; k++)
        {
            if (restarted[k])
            {
                restarts[k] = moments.Step;
            }
        }
    }

    private void DisposePerTrial()
    {
        if (perTrial is var (negativeCorrection1, sqrtCorrection2))
        {
            negativeCorrection1.Dispose();
            sqrtCorrection2.Dispose();
        }
        perTrial = null;
    }

    public override void Dispose()
    {
        DisposePerTrial();
        moments.Dispose();
    }
}
