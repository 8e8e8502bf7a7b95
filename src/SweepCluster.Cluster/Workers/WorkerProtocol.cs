using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Workers;

/// <summary>The messages a worker understands.</summary>
public static class WorkerProtocol
{
    /// <summary>Train this trial. <paramref name="Attempt"/> is 1 for the first run, 2 for the first retry, …</summary>
    public sealed record AssignTrial(TrialSpec Trial, int Attempt);

    /// <summary>Stop the trial with this id if it is the one training; it ends as Interrupted.</summary>
    public sealed record StopTrial(string TrialId);

    /// <summary>Answered with a <see cref="WorkerStatus"/>, also while a trial trains.</summary>
    public sealed record GetWorkerStatus
    {
        public static GetWorkerStatus Instance { get; } = new();
    }
}
