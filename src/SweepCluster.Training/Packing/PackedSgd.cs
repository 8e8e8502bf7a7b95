using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// <see cref="SgdOptimizer"/>'s arithmetic (momentum buffer starting as the first gradient) on stacked parameters
/// with a per-trial learning rate; the proximal threshold is <c>t = lr_k·λ_k</c>.
/// </summary>
internal sealed class PackedSgd(IReadOnlyList<OptimizedParameter> parameters, double momentum) : PackedOptimizer(parameters)
{
    private readonly Tensor?[] buffers = new Tensor?[parameters.Count];

    protected override void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales)
    {
        value.sub_(Direction(index, gradient).mul(learningRates));
        if (proximalScales is not null)
        {
            SoftThreshold.Apply(value, proximalScales);
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

    public override void ResetSlices(Tensor trials)
    {
        foreach (var buffer in buffers)
        {
            buffer?.masked_fill_(trials, 0);
        }
    }

    public override void Dispose()
    {
        foreach (var buffer in buffers)
        {
            buffer?.Dispose();
        }
    }
}
