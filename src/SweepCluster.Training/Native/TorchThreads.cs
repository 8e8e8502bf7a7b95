using TorchSharp;

namespace SweepCluster.Training.Native;

/// <summary>
/// libtorch's intra-op thread count. <c>torch.set_num_threads</c> is process-wide (each thread takes the process's value on
/// its first parallel op), so it is set once per process from the slot plan, and again only when a sweep asks for another
/// count (<c>training.threads</c>), never by every trial of every slot: a slot changing it under another one mid-step
/// would change that one's speed and its reductions' order.
/// </summary>
public static class TorchThreads
{
    private static readonly Lock Gate = new();
    private static int applied;

    /// <summary>Makes libtorch use <paramref name="threads"/> (at least 1); does nothing when that is already the count.</summary>
    public static void Use(int threads)
    {
        var count = Math.Max(1, threads);
        lock (Gate)
        {
            if (applied == count)
            {
                return;
            }
            TorchRuntime.EnsureLoaded();
            torch.set_num_threads(count);
            applied = count;
        }
    }
}
