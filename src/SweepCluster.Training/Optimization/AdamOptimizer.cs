using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// Adam over plain tensors, the same arithmetic as <c>torch.optim.Adam</c> (no weight decay, no amsgrad).
/// Written out so that the proximal step can use each weight's own step size
/// <c>t = lr·λ / (√v̂ + ε)</c>, which needs the second moment TorchSharp keeps out of reach.
/// </summary>
public sealed class AdamOptimizer : IParameterOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly IReadOnlyList<OptimizedParameter> parameters;
    private readonly double learningRate;
    private readonly List<Tensor> firstMoments;
    private readonly List<Tensor> secondMoments;
    private long step;

    public AdamOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate)
    {
        this.parameters = parameters;
        this.learningRate = learningRate;
        firstMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
        secondMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
    }

    public void Step(double proximalLambda)
    {
        step++;
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        using (torch.no_grad())
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var value = parameters[i].Value;
                var gradient = value.grad;
                if (gradient is null)
                {
                    continue;
                }
                firstMoments[i].mul_(Beta1).add_(gradient, 1 - Beta1);
                secondMoments[i].mul_(Beta2).addcmul_(gradient, gradient, 1 - Beta2);
                var denominator = secondMoments[i].sqrt().div_(Math.Sqrt(correction2)).add_(Epsilon);
                value.addcdiv_(firstMoments[i], denominator, -learningRate / correction1);
                if (proximalLambda > 0 && parameters[i].Penalized)
                {
                    SoftThreshold.Apply(value, denominator.reciprocal().mul_(learningRate * proximalLambda));
                }
            }
        }
    }

    public void ZeroGradients()
    {
        foreach (var parameter in parameters)
        {
            parameter.Value.grad?.zero_();
        }
    }

    public void Dispose()
    {
        firstMoments.ForEach(t => t.Dispose());
        secondMoments.ForEach(t => t.Dispose());
    }
}
