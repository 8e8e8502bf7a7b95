using SweepCluster.Training.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>One linear layer's parameters: weight <c>[out, in]</c> and bias <c>[out]</c>.</summary>
public sealed class DenseLayer(Tensor weight, Tensor bias) : IDisposable
{
    public Tensor Weight { get; } = weight;

    public Tensor Bias { get; } = bias;

    public static DenseLayer Create(int inputs, int outputs, TrialRandom random)
    {
        var bound = 1.0 / Math.Sqrt(inputs);
        return new DenseLayer(UniformLeaf([outputs, inputs], bound, random), UniformLeaf([outputs], bound, random));
    }

    private static Tensor UniformLeaf(long[] shape, double bound, TrialRandom random)
    {
        using (torch.no_grad())
        {
            using var unit = random.Uniform(shape);
            using var width = (2 * bound).ToScalar();
            using var shift = bound.ToScalar();
            var leaf = unit.mul(width).sub_(shift);
            leaf.requires_grad = true;
            return leaf;
        }
    }

    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}
