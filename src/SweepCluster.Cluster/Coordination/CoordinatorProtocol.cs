using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Coordination;

/// <summary>The messages the coordinator understands, and its replies.</summary>
public static class CoordinatorProtocol
{
    /// <summary>A worker (the sender) announces itself and the device it trains on; the coordinator watches it from now on.</summary>
    public sealed record RegisterWorker(string Name, string Node, string Device = "") : ISweepMessage;

    /// <summary>
    /// The sender is free and wants work (pull). Answered with an AssignTrial, or an AssignPack of up to
    /// <paramref name="MaxPack"/> compatible trials, when there is work. <paramref name="PackLimits"/> holds the sender's
    /// own limits by <see cref="Core.Packing.PackLimitKey"/>, learnt from its calibration (e.g. 1 where packing does not pay);
    /// a kind of trial without a limit there is offered alone, for the worker to size.
    /// <paramref name="NodeSlots"/>: the worker slots of the sender's process, all of which want a share.
    /// </summary>
    public sealed record RequestTrial(int MaxPack = 1, IReadOnlyDictionary<string, int>? PackLimits = null, int NodeSlots = 1) : ISweepMessage
    {
        public static RequestTrial Instance { get; } = new();
    }

    /// <summary>One epoch of a running trial (<paramref name="Index"/>: its index in the sweep). Answered with an <c>EpochVerdict</c> at the trial's decision epochs.</summary>
    public sealed record TrialProgress(string TrialId, EpochRecord Epoch, long Index = -1) : ISweepMessage;

    /// <summary>A trial's final result from the worker that ran it (the sender).</summary>
    public sealed record TrialFinished(long Index, TrialResult Result) : ISweepMessage;

    /// <summary>Asks for the sweep's counts; answered with a <see cref="SweepStatus"/>.</summary>
    public sealed record GetSweepStatus : ISweepMessage
    {
        public static GetSweepStatus Instance { get; } = new();
    }

    /// <summary>Stop handing out trials. With <paramref name="InterruptRunning"/>, running trials are asked to stop too.</summary>
    public sealed record StopSweep(bool InterruptRunning) : ISweepMessage;

    /// <summary>Answered with <see cref="SweepCompleted"/> when the sweep ends (at once if it has ended).</summary>
    public sealed record AwaitCompletion : ISweepMessage
    {
        public static AwaitCompletion Instance { get; } = new();
    }

    public sealed record SweepCompleted(SweepSummary Summary) : ISweepMessage;

    /// <summary>The answer to <see cref="AwaitCompletion"/> when the coordinator refuses to run: its journal holds another sweep.</summary>
    public sealed record SweepRefused(string Reason) : ISweepMessage;

    /// <summary>
    /// Published on the event stream (not sent) when the coordinator cannot go on: its journal failed. The node
    /// hosting it ends the run with an error instead of waiting forever; the same command resumes later.
    /// </summary>
    public sealed record CoordinatorFailed(string Reason);

    /// <summary>
    /// The sender (a worker that is shutting down) gives its trial back unfinished: it goes back to the queue and
    /// is not recorded. Unlike a stopped trial, which ends as Interrupted.
    /// </summary>
    public sealed record ReturnTrial(long Index, string TrialId) : ISweepMessage;

    /// <summary>
    /// From a worker: it has started the assignment of these trials (an <c>AssignTrial</c> or <c>AssignPack</c>), so its lease is
    /// closed. Sent again when the same assignment arrives twice (a resend crossed the first acknowledgement).
    /// </summary>
    public sealed record AssignmentStarted(IReadOnlyList<long> Indices) : ISweepMessage;

    /// <summary>Answered with <see cref="CoordinatorStats"/> (the control-plane benchmark reads it).</summary>
    public sealed record GetCoordinatorStats : ISweepMessage
    {
        public static GetCoordinatorStats Instance { get; } = new();
    }
}
