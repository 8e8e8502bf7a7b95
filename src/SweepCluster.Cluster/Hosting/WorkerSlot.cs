using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// One worker actor's place: the device it is pinned to (<c>cpu</c>, <c>cuda:0</c>, …) and the trainer that trains
/// on that device. A node runs one worker per slot.
/// </summary>
public sealed record WorkerSlot(string Device, ITrialTrainer Trainer)
{
    /// <summary><paramref name="count"/> CPU slots sharing one trainer (tests and benchmarks).</summary>
    public static IReadOnlyList<WorkerSlot> Cpu(ITrialTrainer trainer, int count) =>
        Enumerable.Range(0, count).Select(_ => new WorkerSlot("cpu", trainer)).ToList();
}
