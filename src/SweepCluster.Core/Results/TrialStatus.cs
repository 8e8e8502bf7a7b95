namespace SweepCluster.Core.Results;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    Completed,
    Diverged,
    Failed,
    Interrupted,

    /// <summary>A scheduler (ASHA, Hyperband, median stopping) stopped it; its metrics are those of its best epoch so far.</summary>
    StoppedEarly,
}
