using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Network;

/// <summary>One linear layer's parameters: weight <c>[out, in]</c> and bias <c>[out]</c>.</summary>
public sealed class DenseLayer(Tensor weight, Tensor bias) : IDisposable
{
    public Tensor Weight { get; } = weight;

    public Tensor Bias { get; } = bias;

    public static DenseLayer Create(int inputs, int outputs, Generator generator, Device device)
    {
        var bound = 1.0 / Math.Sqrt(inputs);
        return new DenseLayer(UniformLeaf([outputs, inputs], bound, generator, device), UniformLeaf([outputs], bound, generator, device));
    }

    private static Tensor UniformLeaf(long[] shape, double bound, Generator generator, Device device)
    {
        using (torch.no_grad())
        {
            using var unit = torch.rand(shape, device: device, generator: generator);
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
