using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="AdamOptimizer"/>'s arithmetic on stacked parameters with a per-trial learning rate; the proximal
/// threshold is each weight's own <c>t = lr_k·λ_k / (√v̂ + ε)</c>.
/// </summary>
internal sealed class PackedAdam(IReadOnlyList<OptimizedParameter> parameters) : PackedOptimizer(parameters)
{
    private readonly AdamMoments moments = new(parameters);

    protected override void BeginStep() => moments.BeginStep();

    protected override void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales)
    {
        var denominator = moments.Advance(index, gradient);
        using var correction = (-moments.Correction1).ToScalar();
        using var one = 1.0.ToScalar();
        value.addcdiv_(moments.First(index).mul(learningRates.div(correction)), denominator, one);
        if (proximalScales is not null)
        {
            SoftThreshold.Apply(value, denominator.reciprocal().mul_(proximalScales));
        }
    }

    public override void ResetSlices(Tensor trials) => moments.ResetSlices(trials);

    public override void Dispose() => moments.Dispose();
}
