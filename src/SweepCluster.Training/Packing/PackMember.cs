using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Packing;

/// <summary>
/// One trial inside a pack: the single run's bookkeeping (<see cref="TrialProgress"/>), its slice index and, once it has
/// ended while the others go on, its status and the pack's wall time at that moment.
/// </summary>
internal sealed class PackMember(int index, TrialSpec trial) : TrialProgress(trial)
{
    public int Index { get; } = index;

    public TrialStatus? Status { get; private set; }

    public string? Reason { get; private set; }

    public double Seconds { get; private set; }

    public bool Running => Status is null;

    public void End(TrialStatus status, string? reason, double seconds)
    {
        Status = status;
        Reason = reason;
        Seconds = seconds;
    }
}
