using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// Adam over plain tensors, the same arithmetic as <c>torch.optim.Adam</c> (no weight decay, no amsgrad).
/// Written out so that the proximal step can use each weight's own step size
/// <c>t = lr·λ / (√v̂ + ε)</c>, which needs the second moment TorchSharp keeps out of reach.
/// </summary>
public sealed class AdamOptimizer : ParameterOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly double learningRate;
    private readonly List<Tensor> firstMoments;
    private readonly List<Tensor> secondMoments;
    private long step;
    private double correction1;
    private double correction2;

    public AdamOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate) : base(parameters)
    {
        this.learningRate = learningRate;
        firstMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
        secondMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
    }

    protected override void BeginStep()
    {
        step++;
        correction1 = 1 - Math.Pow(Beta1, step);
        correction2 = 1 - Math.Pow(Beta2, step);
    }

    protected override void Update(int index, Tensor value, Tensor gradient, double proximalLambda)
    {
        firstMoments[index].mul_(Beta1).add_(gradient, 1 - Beta1);
        secondMoments[index].mul_(Beta2).addcmul_(gradient, gradient, 1 - Beta2);
        var denominator = secondMoments[index].sqrt().div_(Math.Sqrt(correction2)).add_(Epsilon);
        value.addcdiv_(firstMoments[index], denominator, -learningRate / correction1);
        if (proximalLambda > 0)
        {
            SoftThreshold.Apply(value, denominator.reciprocal().mul_(learningRate * proximalLambda));
        }
    }

    public override void Dispose()
    {
        firstMoments.ForEach(t => t.Dispose());
        secondMoments.ForEach(t => t.Dispose());
    }
}
