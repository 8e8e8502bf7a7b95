using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// Each trial's weights and biases at its best epoch (lowest validation loss), kept per slice: a trial's slice is
/// copied only when that trial improves. The metrics use the weights; the exported model needs both.
/// </summary>
internal sealed class PackedBestWeights : IDisposable
{
    private readonly PackedNetwork network;
    private readonly List<Tensor> copies;
    private readonly List<Tensor> biasCopies;

    public PackedBestWeights(PackedNetwork network)
    {
        this.network = network;
        using var noGrad = torch.no_grad();
        copies = network.Layers.Select(l => l.Weight.detach().clone()).ToList();
        biasCopies = network.Layers.Select(l => l.Bias.detach().clone()).ToList();
    }

    /// <summary>Copies the current weights of the trials marked in <paramref name="improved"/> (<c>[K, 1, 1]</c> bool).</summary>
    public void Save(Tensor improved)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var l = 0; l < copies.Count; l++)
        {
            copies[l].copy_(torch.where(improved, network.Layers[l].Weight, copies[l]));
            biasCopies[l].copy_(torch.where(improved, network.Layers[l].Bias, biasCopies[l]));
        }
    }

    /// <summary>Puts the saved weights and biases back into the slices of the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool).</summary>
    public void Restore(Tensor trials)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var l = 0; l < copies.Count; l++)
        {
            network.Layers[l].Weight.copy_(torch.where(trials, copies[l], network.Layers[l].Weight));
            network.Layers[l].Bias.copy_(torch.where(trials, biasCopies[l], network.Layers[l].Bias));
        }
    }

    /// <summary>Trial <paramref name="k"/>'s best weights as <c>[out, in]</c> views, first layer first (the single network's layout).</summary>
    public IReadOnlyList<Tensor> Of(int k) => copies.Select(c => c[k].t()).ToList();

    /// <summary>Trial <paramref name="k"/>'s best biases as <c>[out]</c> views, first layer first.</summary>
    public IReadOnlyList<Tensor> BiasesOf(int k) => biasCopies.Select(c => c[k].squeeze(0)).ToList();

    public void Dispose()
    {
        copies.ForEach(c => c.Dispose());
        biasCopies.ForEach(c => c.Dispose());
    }
}
