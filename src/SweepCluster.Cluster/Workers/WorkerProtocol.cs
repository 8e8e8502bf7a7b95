using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Models;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Workers;

/// <summary>The messages a worker understands.</summary>
public static class WorkerProtocol
{
    /// <summary>
    /// Train this trial. <paramref name="Attempt"/> is 1 for the first run, 2 for the first retry, …
    /// <paramref name="DecisionEpochs"/>: the epochs after which the trial waits for the sweep scheduler's
    /// <see cref="EpochVerdict"/> (none without a scheduler). <paramref name="Model"/>: when the trained network goes back
    /// with the result (null: never).
    /// </summary>
    public sealed record AssignTrial(TrialSpec Trial, int Attempt, IReadOnlyList<int>? DecisionEpochs = null, ModelRequest? Model = null) : ISweepMessage;

    /// <summary>
    /// The coordinator's answer to the progress report of a decision epoch: the trial goes on, or (<paramref name="Stop"/>)
    /// ends there as stopped_early, for <paramref name="Reason"/>; in a pack the other trials go on.
    /// </summary>
    public sealed record EpochVerdict(string TrialId, int Epoch, bool Stop, string? Reason) : ISweepMessage;

    /// <summary>
    /// Train these compatible trials (equal <see cref="PackKey"/>) as one pack. The worker may keep fewer (its
    /// calibration says a smaller pack pays) and hands the rest back at once with <c>ReturnTrial</c>.
    /// </summary>
    public sealed record AssignPack(IReadOnlyList<AssignTrial> Trials) : ISweepMessage;

    /// <summary>Stop the trial with this id if it is training; it ends as Interrupted (in a pack, the whole pack stops).</summary>
    public sealed record StopTrial(string TrialId) : ISweepMessage;

    /// <summary>Answered with a <see cref="WorkerStatus"/>, also while a trial trains.</summary>
    public sealed record GetWorkerStatus : ISweepMessage
    {
        public static GetWorkerStatus Instance { get; } = new();
    }

    /// <summary>The coordinator (the sender) knows this worker now; it stops re-registering and watches the sender.</summary>
    public sealed record WorkerRegistered : ISweepMessage
    {
        public static WorkerRegistered Instance { get; } = new();
    }

    /// <summary>The sweep has ended: the worker takes no more trials, and its node may leave.</summary>
    public sealed record SweepOver(string SweepId) : ISweepMessage;

    /// <summary>
    /// Local, from the worker's host when its node shuts down: give the running trial back to the coordinator
    /// (re-queued, not recorded) and take no more. Answered with <see cref="TrialHandedBack"/>.
    /// </summary>
    public sealed record HandBackTrial
    {
        public static HandBackTrial Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="HandBackTrial"/>; <paramref name="TrialId"/> is null when the worker held nothing.</summary>
    public sealed record TrialHandedBack(string? TrialId);
}
