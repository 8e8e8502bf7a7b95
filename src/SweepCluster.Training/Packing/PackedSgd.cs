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
    private readonly MomentumBuffers buffers = new(parameters.Count, momentum);

    protected override void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales)
    {
        value.sub_(buffers.Direction(index, gradient).mul(learningRates));
        if (proximalScales is not null)
        {
            SoftThreshold.Apply(value, proximalScales);
        }
    }

    public override void ResetSlices(Tensor trials) => buffers.ResetSlices(trials);

    public override void Dispose() => buffers.Dispose();
}
