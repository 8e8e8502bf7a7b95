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
    private readonly double momentum;
    private readonly Tensor?[] buffers;

    public SgdOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate, double momentum) : base(parameters)
    {
        this.learningRate = learningRate;
        this.momentum = momentum;
        buffers = new Tensor?[parameters.Count];
    }

    protected override void Update(int index, Tensor value, Tensor gradient, double proximalLambda)
    {
        value.add_(Direction(index, gradient), -learningRate);
        if (proximalLambda > 0)
        {
            SoftThreshold.Apply(value, learningRate * proximalLambda);
        }
    }

    private Tensor Direction(int index, Tensor gradient)
    {
        if (momentum == 0)
        {
            return gradient;
        }
        if (buffers[index] is null)
        {
            // Created outside the caller's dispose scope: the buffer lives as long as the optimizer.
            buffers[index] = gradient.detach().clone().DetachFromDisposeScope();
        }
        else
        {
            buffers[index]!.mul_(momentum).add_(gradient);
        }
        return buffers[index]!;
    }

    public override void Dispose()
    {
        foreach (var buffer in buffers)
        {
            buffer?.Dispose();
        }
    }
}
