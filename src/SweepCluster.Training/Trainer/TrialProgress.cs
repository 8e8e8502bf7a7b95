using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// One trial's epoch bookkeeping, the same for a single run and a pack member: its learning curve, which epoch is best
/// (lowest validation loss; a tie keeps the earlier one, and a NaN loss never beats a number), its patience count and its
/// phase (regularized, then the refit if it has one). The caller snapshots the weights whenever <see cref="Record"/> says
/// the epoch is the new best; where the snapshot lives differs between the paths (a pack member's is a slice).
/// </summary>
internal class TrialProgress(TrialSpec trial)
{
    private int epochsWithoutImprovement;

    /// <summary>Set when the refit begins: its first epoch becomes the best whatever its loss, so that only refit epochs compete.</summary>
    private bool phaseStarted;

    public TrialSpec Trial { get; } = trial;

    public List<EpochRecord> History { get; } = [];

    public EpochRecord? Best { get; private set; }

    /// <summary>True once the trial trains its refit epochs (lambda 0, zero pattern frozen).</summary>
    public bool Refitting { get; private set; }

    /// <summary>Lambda of the current phase: the trial's, then 0 during the refit.</summary>
    public double Lambda => Refitting ? 0 : Trial.Lambda;

    /// <summary>The last epoch of the current phase.</summary>
    public int LastEpoch { get; private set; } = trial.Training.Epochs;

    /// <summary>
    /// Whether regularized epochs are followed by a refit: when refit_epochs asks for one and lambda is above 0 (a trial at
    /// lambda 0 selected nothing, and more epochs without a penalty are no refit: its metrics are its best epoch's).
    /// </summary>
    private bool HasRefit => Trial.Training.RefitEpochs > 0 && Trial.Lambda != 0;

    /// <summary>Adds the epoch to the history; true when it is the new best, so that the caller snapshots the weights now.</summary>
    public bool Record(EpochRecord record)
    {
        History.Add(record);
        // Written as "not better" so that a NaN loss (every comparison false) is not an improvement.
        if (!phaseStarted && Best is not null && !(record.ValLoss < Best.ValLoss))
        {
            epochsWithoutImprovement++;
            return false;
        }
        phaseStarted = false;
        Best = record;
        epochsWithoutImprovement = 0;
        return true;
    }

    /// <summary>
    /// The end-of-epoch rule after a reported <paramref name="epoch"/>: unless it is the trial's final one, the gate may stop
    /// the trial (<paramref name="gateAllows"/> is asked only then); at the end of its phase the refit begins, or the trial
    /// completes.
    /// </summary>
    public EpochOutcome Conclude(int epoch, Func<bool> gateAllows)
    {
        if (!IsFinalEpoch(epoch) && !gateAllows())
        {
            return EpochOutcome.StoppedEarly;
        }
        if (!PhaseOver(epoch))
        {
            return EpochOutcome.Continue;
        }
        return BeginRefit(epoch) ? EpochOutcome.Refit : EpochOutcome.Completed;
    }

    /// <summary>Whether the current phase ends after <paramref name="epoch"/>: its last epoch, or patience ran out.</summary>
    private bool PhaseOver(int epoch) => epoch >= LastEpoch || PatienceExhausted;

    /// <summary>
    /// Whether the trial ends after <paramref name="epoch"/> by itself: its phase is over and no refit follows. The gate is not
    /// asked after such an epoch (a trial that ends here completes), however many refit epochs the sweep's other trials get.
    /// </summary>
    private bool IsFinalEpoch(int epoch) => PhaseOver(epoch) && (Refitting || !HasRefit);

    private bool PatienceExhausted => Trial.Training.Patience > 0 && epochsWithoutImprovement >= Trial.Training.Patience;

    /// <summary>
    /// Starts the refit after <paramref name="epoch"/> if the trial has one it has not begun; false when it has none left.
    /// Patience counts afresh, and the best epoch is sought among the refit epochs alone.
    /// </summary>
    private bool BeginRefit(int epoch)
    {
        if (Refitting || !HasRefit)
        {
            return false;
        }
        Refitting = true;
        LastEpoch = epoch + Trial.Training.RefitEpochs;
        epochsWithoutImprovement = 0;
        phaseStarted = true;
        return true;
    }
}
