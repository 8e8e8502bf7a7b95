using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Training.Packing;

/// <summary>
/// One trial's bookkeeping inside a pack: its learning curve, best epoch, patience count and, once it has
/// ended, its status and the pack's wall time at that moment. The rules are <see cref="Trainer.TrialRun"/>'s.
/// </summary>
internal sealed class PackMember(int index, TrialSpec trial)
{
    private int epochsWithoutImprovement;

    public int Index { get; } = index;

    public TrialSpec Trial { get; } = trial;

    public List<EpochRecord> History { get; } = [];

    public EpochRecord? Best { get; private set; }

    public TrialStatus? Status { get; private set; }

    public string? Reason { get; private set; }

    public double Seconds { get; private set; }

    public bool Running => Status is null;

    /// <summary>Adds the epoch to the history; true when it beats the best validation loss so far.</summary>
    public bool Record(EpochRecord record)
    {
        History.Add(record);
        if (Best is not null && record.ValLoss >= Best.ValLoss)
        {
            epochsWithoutImprovement++;
            return false;
        }
        Best = record;
        epochsWithoutImprovement = 0;
        return true;
    }

    public bool PatienceExhausted => Trial.Training.Patience > 0 && epochsWithoutImprovement >= Trial.Training.Patience;

    public void End(TrialStatus status, string? reason, double seconds)
    {
        Status = status;
        Reason = reason;
        Seconds = seconds;
    }
}
