using SweepCluster.Core.Results;
using SweepCluster.Training.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Keeps a copy of the parameters of the epoch with the lowest validation loss, so that the reported
/// metrics (and sparsity) are those of the best epoch, not the last. After <see cref="BeginPhase"/> (the refit) only the
/// epochs from then on compete: the first of them is saved whatever its loss.
/// </summary>
internal sealed class BestState : IDisposable
{
    private readonly FeedForwardNetwork network;
    private readonly List<Tensor> copies;

    public BestState(FeedForwardNetwork network)
    {
        this.network = network;
        copies = Parameters().Select(p => torch.zeros_like(p)).ToList();
    }

    private bool phaseStarted;

    public EpochRecord? Record { get; private set; }

    /// <summary>Saves the network's state when <paramref name="record"/> beats the best so far (or is the new phase's first); true when it did.</summary>
    public bool Offer(EpochRecord record)
    {
        if (!phaseStarted && Record is not null && record.ValLoss >= Record.ValLoss)
        {
            return false;
        }
        phaseStarted = false;
        Record = record;
        using var noGrad = torch.no_grad();
        foreach (var (copy, parameter) in copies.Zip(Parameters()))
        {
            copy.copy_(parameter);
        }
        return true;
    }

    /// <summary>Starts a phase whose best epoch replaces the earlier ones' (kept until the phase reports its first epoch).</summary>
    public void BeginPhase() => phaseStarted = true;

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
