namespace SweepCluster.Core.Results;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    Completed,
    Diverged,
    Failed,
    Interrupted,
}
