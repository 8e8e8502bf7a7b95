namespace SweepCluster.Core.Monitoring;

/// <summary>Where a trial stands as the logs tell it. Done and Failed are final; Failed means every attempt failed.</summary>
public enum TrialPhase
{
    Queued,
    Running,
    Done,
    Failed,
}
