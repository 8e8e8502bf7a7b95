using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// SGD's momentum buffers, one per parameter, as <c>torch.optim.SGD</c> keeps them: a buffer starts as the first
/// gradient, then <c>b ← momentum·b + g</c>; with momentum 0 the direction is the gradient itself. Shared by the single
/// and the packed SGD so that their arithmetic cannot drift apart.
/// </summary>
internal sealed class MomentumBuffers(int count, double momentum) : IDisposable
{
    private readonly Tensor?[] buffers = new Tensor?[count];

    public Tensor Direction(int index, Tensor gradient)
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
            using var factor = momentum.ToScalar();
            using var one = 1.0.ToScalar();
            buffers[index]!.mul_(factor).add_(gradient, one);
        }
        return buffers[index]!;
    }

    /// <summary>Zeroes the buffers' slices of the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool) of a packed optimizer.</summary>
    public void ResetSlices(Tensor trials)
    {
        foreach (var buffer in buffers)
        {
            buffer?.masked_fill_(trials, 0);
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
