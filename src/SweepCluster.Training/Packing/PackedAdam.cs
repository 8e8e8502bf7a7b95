using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="AdamOptimizer"/>'s arithmetic on stacked parameters with a per-trial learning rate; the proximal
/// threshold is each weight's own <c>t = lr_k·λ_k / (√v̂ + ε)</c>.
/// </summary>
internal sealed class PackedAdam : PackedOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly List<Tensor> firstMoments;
    private readonly List<Tensor> secondMoments;
    private long step;
    private double correction1;
    private double correction2;

    public PackedAdam(IReadOnlyList<OptimizedParameter> parameters) : base(parameters)
    {
        firstMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
        secondMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
    }

    protected override void BeginStep()
    {
        step++;
        correction1 = 1 - Math.Pow(Beta1, step);
        correction2 = 1 - Math.Pow(Beta2, step);
    }

    protected override void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales)
    {
        firstMoments[index].mul_(Beta1).add_(gradient, 1 - Beta1);
        secondMoments[index].mul_(Beta2).addcmul_(gradient, gradient, 1 - Beta2);
        var denominator = secondMoments[index].sqrt().div_(Math.Sqrt(correction2)).add_(Epsilon);
        value.addcdiv_(firstMoments[index].mul(learningRates.div(-correction1)), denominator);
        if (proximalScales is not null)
        {
            SoftThreshold.Apply(value, denominator.reciprocal().mul_(proximalScales));
        }
    }

    public override void ResetSlices(Tensor trials)
    {
        firstMoments.ForEach(m => m.masked_fill_(trials, 0));
        secondMoments.ForEach(v => v.masked_fill_(trials, 0));
    }

    public override void Dispose()
    {
        firstMoments.ForEach(t => t.Dispose());
        secondMoments.ForEach(t => t.Dispose());
    }
}
