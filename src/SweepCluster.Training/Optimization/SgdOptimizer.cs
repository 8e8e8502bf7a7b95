using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// SGD with momentum, the same arithmetic as <c>torch.optim.SGD</c> (buffer starts as the first gradient).
/// The proximal step size is <c>t = lr·λ</c>.
/// </summary>
public sealed class SgdOptimizer : IParameterOptimizer
{
    private readonly IReadOnlyList<OptimizedParameter> parameters;
    private readonly double learningRate;
    private readonly double momentum;
    private readonly Tensor?[] buffers;

    public SgdOptimizer(IReadOnlyList<OptimizedParameter> parameters, double learningRate, double momentum)
    {
        this.parameters = parameters;
        this.learningRate = learningRate;
        this.momentum = momentum;
        buffers = new Tensor?[parameters.Count];
    }

    public void Step(double proximalLambda)
    {
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
                value.add_(Direction(i, gradient), -learningRate);
                if (proximalLambda > 0 && parameters[i].Penalized)
                {
                    SoftThreshold.Apply(value, learningRate * proximalLambda);
                }
            }
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

    public void ZeroGradients()
    {
        foreach (var parameter in parameters)
        {
            parameter.Value.grad?.zero_();
        }
    }

    public void Dispose()
    {
        foreach (var buffer in buffers)
        {
            buffer?.Dispose();
        }
    }
}
