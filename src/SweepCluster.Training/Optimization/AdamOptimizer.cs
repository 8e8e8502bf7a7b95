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
    private readonly double learningRate;
    private readonly AdamMoments moments;

    public AdamOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate) : base(parameters)
    {
        this.learningRate = learningRate;
        moments = new AdamMoments(parameters);
    }

    protected override void BeginStep() => moments.BeginStep();

    protected override void Update(int index, Tensor value, Tensor gradient, double proximalLambda)
    {
        var denominator = moments.Advance(index, gradient);
        using var stepSize = (-learningRate / moments.Correction1).ToScalar();
        value.addcdiv_(moments.First(index), denominator, stepSize);
        if (proximalLambda > 0)
        {
            using var scale = (learningRate * proximalLambda).ToScalar();
            SoftThreshold.Apply(value, denominator.reciprocal().mul_(scale));
        }
    }

    public override void Dispose() => moments.Dispose();
}
