using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Workers;

/// <summary>
/// What a worker's training thread does with an assignment: sizes the pack (when the trainer packs) and trains the
/// trials it keeps, turning every way that can end into one result per kept trial. Kept apart from
/// <see cref="WorkerActor"/> because it runs off the actor's thread and its rules (how many to keep, what a
/// cancellation or an escaped exception becomes) are testable without an actor system.
/// </summary>
public static class SlotTraining
{
    /// <summary>
    /// Sizes this kind of trial (its pack limit, told through <paramref name="onSized"/>; calibrated once per process) when
    /// the trainer packs, then trains the trials it keeps; one result per kept trial.
    /// </summary>
    public static IReadOnlyList<TrialResult> Run(ITrialTrainer trainer, IReadOnlyList<TrialSpec> trials, Action<PackSizing> onSized,
        Action<int, EpochRecord> onEpoch, TrialGate? gate, CancellationToken token)
    {
        var kept = trials;
        try
        {
            if (trainer.MaxPackSize > 1)
            {
                var sizing = PackSizing.Of(trainer.PackSize(trials[0], trainer.MaxPackSize), trainer.MaxPackSize);
                onSized(sizing);
                kept = trials.Take(sizing.Keep).ToList();
            }
            // A pack of one is a single trial: the trainer trains it the unpacked way.
            return trainer.TrainPack(kept, onEpoch, token, gate);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return kept.Select(t => new TrialResult(t.Id, TrialStatus.Interrupted, "stopped", null, [])).ToList();
        }
        catch (Exception e)
        {
            return kept.Select(t => Transient(t, e)).ToList();
        }
    }

    // The trainer returns the failures it knows to be deterministic (data, configuration); an exception that escapes it is
    // unexpected (I/O, native, a bug), so another attempt, perhaps on another worker, may succeed.
    public static TrialResult Transient(TrialSpec trial, Exception e) =>
        new(trial.Id, TrialStatus.Failed, e.Message, null, [], FailureKind: TrialFailureKind.Transient);
}
