using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Turns held trials into the message a worker gets (<see cref="AssignTrial"/>, or <see cref="AssignPack"/>: each trial with
/// its decision epochs and the <see cref="ModelBar"/>'s model request) and cuts a pack to what one remoting frame carries.
/// </summary>
/// <param name="maxPayloadBytes">The frame's payload limit; null where nothing is serialized (one process).</param>
/// <param name="payloadBytes">The size of a message on its way to a worker (0 for a local one).</param>
internal sealed class AssignmentFitter(long? maxPayloadBytes, Func<IActorRef, object, long> payloadBytes, TrialQueue queue, TrialSearch search,
    ModelBar modelBar, TrialLog log)
{
    public static AssignmentFitter Of(FrameBudget? frame, TrialQueue queue, TrialSearch search, ModelBar modelBar, TrialLog log) =>
        new(frame?.MaxPayloadBytes, (worker, message) => frame!.PayloadBytes(worker, message), queue, search, modelBar, log);

    public object AssignmentOf(IReadOnlyList<Assignment> held)
    {
        var trials = held.Select(a => new AssignTrial(a.Trial, a.Attempt, search.DecisionEpochs(a.Trial.Index), modelBar.Request)).ToList();
        return trials.Count == 1 ? trials[0] : new AssignPack(trials);
    }

    /// <summary>
    /// The assignment of <paramref name="held"/>, cut to what one remoting frame carries to <paramref name="worker"/>: the trials
    /// cut off go back to the front of the queue. A single trial too large to send is null, with the result it fails for good
    /// with (<paramref name="tooLarge"/>): sending it again would fail again.
    /// </summary>
    public object? Fit(IActorRef worker, List<Assignment> held, out TrialResult? tooLarge)
    {
        tooLarge = null;
        var message = AssignmentOf(held);
        if (maxPayloadBytes is not { } max)
        {
            return message;
        }
        var bytes = payloadBytes(worker, message);
        if (bytes <= max)
        {
            return message;
        }
        var (offered, offeredBytes, info) = (held.Count, bytes, held[0].Info);
        while (held.Count > 1 && bytes > max)
        {
            var keep = (int)Math.Clamp(held.Count * max / bytes, 1, held.Count - 1);
            foreach (var cut in Enumerable.Reverse(held.Skip(keep).ToList()))
            {
                queue.PutBackFirst(cut.Trial.Index);
            }
            held.RemoveRange(keep, held.Count - keep);
            message = AssignmentOf(held);
            bytes = payloadBytes(worker, message);
        }
        if (bytes <= max)
        {
            log.Adapter.Warning(EventTemplates.PackShrunkForFrame, info.Name, offered, held.Count, offeredBytes, max);
            return message;
        }
        var trial = held[0].Trial;
        log.Write(LogLevel.ErrorLevel, trial.Id, info.Name, info.Node, EventTemplates.TrialTooLargeToSend, trial.Id, info.Name, bytes, max);
        tooLarge = new TrialResult(trial.Id, TrialStatus.Failed, $"its assignment is {bytes} bytes, over the remoting frame of {max} bytes", null, [],
            FailureKind: TrialFailureKind.Deterministic);
        return null;
    }
}
