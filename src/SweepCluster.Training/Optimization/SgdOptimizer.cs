using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// SGD with momentum, the same arithmetic as <c>torch.optim.SGD</c> (buffer starts as the first gradient).
/// The proximal step size is <c>t = lr·λ</c>.
/// </summary>
public sealed class SgdOptimizer : ParameterOptimizer
{
    private readonly double learningRate;
    private readonly MomentumBuffers buffers;

    public SgdOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate, double momentum) : base(parameters)
    {
        this.learningRate = learningRate;
        buffers = new MomentumBuffers(parameters.Count, momentum);
    }

    protected override void Update(int index, Tensor value, Tensor gradient, double proximalLambda)
    {
        using var stepSize = (-learningRate).ToScalar();
        value.add_(buffers.Direction(index, gradient), stepSize);
        if (proximalLambda > 0)
        {
            SoftThreshold.Apply(value, learningRate * proximalLambda);
        }
    }

    public override void Dispose() => buffers.Dispose();
}
