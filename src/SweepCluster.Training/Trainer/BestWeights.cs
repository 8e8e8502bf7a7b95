using SweepCluster.Training.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// A copy of the network's parameters at its best epoch, so that the reported metrics (and sparsity) are those of the best
/// epoch, not the last. Which epoch is best is <see cref="TrialProgress"/>'s to say; this only keeps the copy.
/// </summary>
internal sealed class BestWeights : IDisposable
{
    private readonly FeedForwardNetwork network;
    private readonly List<Tensor> copies;

    public BestWeights(FeedForwardNetwork network)
    {
        this.network = network;
        copies = Parameters().Select(p => torch.zeros_like(p)).ToList();
    }

    public void Save()
    {
        using var noGrad = torch.no_grad();
        foreach (var (copy, parameter) in copies.Zip(Parameters()))
        {
            copy.copy_(parameter);
        }
    }

    public void Restore()
    {
        using var noGrad = torch.no_grad();
        foreach (var (copy, parameter) in copies.Zip(Parameters()))
        {
            parameter.copy_(copy);
        }
    }

    private IEnumerable<Tensor> Parameters() => network.Layers.SelectMany(l => new[] { l.Weight, l.Bias });

    public void Dispose() => copies.ForEach(c => c.Dispose());
}
