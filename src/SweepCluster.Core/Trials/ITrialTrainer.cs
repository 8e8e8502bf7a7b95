using SweepCluster.Core.Results;

namespace SweepCluster.Core.Trials;

/// <summary>
/// The contract between the actors and whatever trains (TorchSharp in the Training project, fakes in tests): it lives in
/// Core so that the Cluster project, and a coordinator-only node, need no TorchSharp.
/// Trains one trial, or a pack of compatible trials (same <see cref="PackKey"/>) as one stacked model. Blocking:
/// callers run it off any actor's thread. Reports each epoch through <c>onEpoch</c>, checks the cancellation
/// between steps (a cancelled trial ends as <see cref="TrialStatus.Interrupted"/>), and reports divergence and bad
/// data as a result, not an exception.
/// </summary>
public interface ITrialTrainer
{
    /// <summary>The most trials this trainer's slot asks for at once: 1 when it never packs.</summary>
    int MaxPackSize => 1;

    TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation);

    /// <summary>
    /// As above; after each reported epoch the <paramref name="gate"/> (position 0) says whether the trial goes on. A
    /// trainer that cannot stop a trial early leaves this out and runs every trial to its end.
    /// </summary>
    TrialResult Train(TrialSpec trial, Action<EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate) =>
        Train(trial, onEpoch, cancellation);

    /// <summary>
    /// How many trials like <paramref name="sample"/> to train as one pack, at most <paramref name="offered"/>: the
    /// configured size, or under <c>auto</c> what a calibration on this device measured to pay (1 when packing loses);
    /// 0 while another slot is still measuring it ("not decided yet": train one alone and ask again).
    /// </summary>
    int PackSize(TrialSpec sample, int offered) => 1;

    /// <summary>Trains compatible trials together; one result per trial, in order. <c>onEpoch</c> gets the trial's position.</summary>
    /// <paramref name="gate"/> is asked after each reported epoch of each trial; a trial it stops ends early while the others go on.
    IReadOnlyList<TrialResult> TrainPack(IReadOnlyList<TrialSpec> trials, Action<int, EpochRecord>? onEpoch, CancellationToken cancellation, TrialGate? gate = null) =>
        trials.Select((trial, i) => Train(trial, epoch => onEpoch?.Invoke(i, epoch), cancellation,
            gate is null ? null : (_, epoch) => gate(i, epoch))).ToList();
}
