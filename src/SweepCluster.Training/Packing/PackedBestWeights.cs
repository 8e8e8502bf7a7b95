using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// Each trial's weights at its best epoch (lowest validation loss), kept per slice: a trial's slice is
/// copied only when that trial improves. Biases are not kept, since no reported metric uses them.
/// </summary>
internal sealed class PackedBestWeights : IDisposable
{
    private readonly PackedNetwork network;
    private readonly List<Tensor> copies;

    public PackedBestWeights(PackedNetwork network)
    {
        this.network = network;
        using var noGrad = torch.no_grad();
        copies = network.Layers.Select(l => l.Weight.detach().clone()).ToList();
    }

    /// <summary>Copies the current weights of the trials marked in <paramref name="improved"/> (<c>[K, 1, 1]</c> bool).</summary>
    public void Save(Tensor improved)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var l = 0; l < copies.Count; l++)
        {
            copies[l].copy_(torch.where(improved, network.Layers[l].Weight, copies[l]));
        }
    }

    /// <summary>Trial <paramref name="k"/>'s best weights as <c>[out, in]</c> views, first layer first (the single network's layout).</summary>
    public IReadOnlyList<Tensor> Of(int k) => copies.Select(c => c[k].t()).ToList();

    public void Dispose() => copies.ForEach(c => c.Dispose());
}
