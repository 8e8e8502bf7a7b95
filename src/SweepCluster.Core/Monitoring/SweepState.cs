namespace SweepCluster.Core.Monitoring;

/// <summary>
/// Where a sweep stands as its logs tell it: no start event read yet, running, stopping (the coordinator waits for the
/// running trials), finished. <see cref="SweepStateText"/> names each in <c>monitor</c>'s output.
/// </summary>
public enum SweepState
{
    Waiting,
    Running,
    Stopping,
    Finished,
}
