using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Training.Packing;

/// <summary>
/// One trial's bookkeeping inside a pack: its learning curve, best epoch, patience count, phase (regularized, then the
/// refit if it has one) and, once it has ended, its status and the pack's wall time at that moment. The rules are
/// <see cref="Trainer.TrialRun"/>'s.
/// </summary>
internal sealed class PackMember(int index, TrialSpec trial)
{
    private int epochsWithoutImprovement;
    private bool phaseStarted;

    public int Index { get; } = index;

    public TrialSpec Trial { get; } = trial;

    public List<EpochRecord> History { get; } = [];

    public EpochRecord? Best { get; private set; }

    public TrialStatus? Status { get; private set; }

    public string? Reason { get; private set; }

    public double Seconds { get; private set; }

    public bool Running => Status is null;

    /// <summary>True once the trial trains its refit epochs (lambda 0, zero pattern frozen).</summary>
    public bool Refitting { get; private set; }

    /// <summary>The last epoch of the current phase.</summary>
    public int LastEpoch { get; private set; } = trial.Training.Epochs;

    /// <summary>Adds the epoch to the history; true when it beats the best validation loss so far (or is the refit's first).</summary>
    public bool Record(EpochRecord record)
    {
        History.Add(record);
        if (!phaseStarted && Best is not null && record.ValLoss >= Best.ValLoss)
        {
            epochsWithoutImprovement++;
            return false;
        }
        phaseStarted = false;
        Best = record;
        epochsWithoutImprovement = 0;
        return true;
    }

    /// <summary>Whether the current phase ends after <paramref name="epoch"/>: its last epoch, or patience ran out.</summary>
    public bool PhaseOver(int epoch) => epoch >= LastEpoch || PatienceExhausted;

    /// <summary>Whether the trial ends after <paramref name="epoch"/> by itself: its phase is over and no refit follows.</summary>
    public bool IsFinalEpoch(int epoch) => PhaseOver(epoch) && (Refitting || Trial.Training.RefitEpochs == 0 || Trial.Lambda == 0);

    private bool PatienceExhausted => Trial.Training.Patience > 0 && epochsWithoutImprovement >= Trial.Training.Patience;

    /// <summary>
    /// Starts the refit after <paramref name="epoch"/> if the trial has one it has not begun; false when it has none left. A trial
    /// at lambda 0 has none: it selected nothing, and more epochs without a penalty are no refit.
    /// </summary>
    public bool BeginRefit(int epoch)
    {
        if (Refitting || Trial.Training.RefitEpochs == 0 || Trial.Lambda == 0)
        {
            return false;
        }
        Refitting = true;
        LastEpoch = epoch + Trial.Training.RefitEpochs;
        epochsWithoutImprovement = 0;
        phaseStarted = true;
        return true;
    }

    public void End(TrialStatus status, string? reason, double seconds)
    {
        Status = status;
        Reason = reason;
        Seconds = seconds;
    }
}
