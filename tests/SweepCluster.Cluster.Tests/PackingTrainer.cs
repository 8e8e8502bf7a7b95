using System.Collections.Concurrent;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// A fake trainer that takes packs: it asks for up to <see cref="MaxPackSize"/>, keeps <see cref="Keeps"/> of each
/// offer (its "calibration"), records every offer and every pack it trains, and can block until released.
/// </summary>
internal sealed class PackingTrainer(int maxPackSize, int keeps) : ITrialTrainer
{
    private readonly FakeTrainer single = new();

    public int MaxPackSize => maxPackSize;

    public ConcurrentQueue<int> Offers { get; } = new();

    public ConcurrentQueue<IReadOnlyList<TrialSpec>> Packs { get; } = new();

    public Func<IReadOnlyList<TrialSpec>, bool> Blocks { get; init; } = _ => false;

    public ManualResetEventSlim Release { get; } = new(false);

    public int CallsFor(string trialId) => single.CallsFor(trialId);

    public int PackSize(TrialSpec sample, int offered)
    {
        Offers.Enqueue(offered);
        return Math.Min(keeps, offered);
    }

    public TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation) =>
        TrainPack([trial], (_, epoch) => onEpoch?.Invoke(epoch), cancellation)[0];

    public IReadOnlyList<TrialResult> TrainPack(IReadOnlyList<TrialSpec> trials, Action<int, EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate = null)
    {
        Packs.Enqueue(trials);
        if (Blocks(trials))
        {
            Release.Wait(cancellation);
        }
        return trials.Select((trial, i) => single.Train(trial, epoch => onEpoch?.Invoke(i, epoch), cancellation)).ToList();
    }
}
