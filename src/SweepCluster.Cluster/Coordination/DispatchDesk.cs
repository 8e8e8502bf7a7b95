using Akka.Actor;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Which worker gets what next: the worker that asks, or the idle ones in the order they parked, each gets its next trial or
/// pack (<see cref="TrialDispatcher"/>) through the <see cref="AssignmentDesk"/>. A trial that cannot be generated, or is too
/// large to send, settles at once (<see cref="ResultDesk"/>) and the worker gets the next one. Plain: the coordinator sends
/// the <see cref="DispatchRound"/>'s deliveries in order.
/// </summary>
internal sealed class DispatchDesk(SweepContext sweep, TrialDispatcher dispatcher, WorkerPool<IActorRef, WorkerInfo, RequestTrial> workers,
    AssignmentDesk assignments, ResultDesk settlements, TrialSearch search, DispatchCounters counters)
{
    /// <summary>
    /// Work for <paramref name="worker"/>, which asks with <paramref name="request"/> (kept: its pack limits); a worker asks only
    /// when it holds nothing, so any trials it was thought to hold go back first. A worker that gets none is parked as idle.
    /// </summary>
    public DispatchRound Serve(IActorRef worker, RequestTrial request, DateTimeOffset now)
    {
        workers.Asked(worker, request);
        assignments.AskedAgain(worker);
        var deliveries = new List<Delivery>();
        if (TryDispatch(worker, now, deliveries))
        {
            return new DispatchRound(deliveries, Exhausted: false);
        }
        workers.Park(worker);
        return new DispatchRound(deliveries, Exhausted: true);
    }

    /// <summary>Work for the idle workers, in the order they parked, until one gets none (it parks again).</summary>
    public DispatchRound ServeIdle(DateTimeOffset now)
    {
        var deliveries = new List<Delivery>();
        while (workers.TryNextIdle(out var worker))
        {
            if (!TryDispatch(worker, now, deliveries))
            {
                workers.Park(worker);
                return new DispatchRound(deliveries, Exhausted: true);
            }
        }
        return new DispatchRound(deliveries, Exhausted: false);
    }

    // False when nothing is left to hand out: the sweep may be complete.
    private bool TryDispatch(IActorRef worker, DateTimeOffset now, List<Delivery> deliveries)
    {
        var request = workers.RequestOf(worker) ?? RequestTrial.Instance;
        var pack = dispatcher.NextPack(request.MaxPack, workers.Count, request.NodeSlots, request.PackLimits, index => Generate(index, deliveries));
        if (pack.Count == 0)
        {
            return false;
        }
        var handout = assignments.Hand(worker, workers.InfoOf(worker), pack, now);
        if (handout.Message is not { } message)
        {
            var (trial, attempt) = (handout.Held[0].Trial, handout.Held[0].Attempt);
            deliveries.Add(new Delivery(sweep.Results, settlements.Settle(trial.Index, trial.SweptValues, handout.TooLarge!, attempt), []));
            return TryDispatch(worker, now, deliveries);
        }
        // New points of an adaptive search (of this pack, and of trials generated on the way) travel with the assignment, to be journaled first.
        deliveries.Add(new Delivery(worker, message, search.TakeUnjournaled()));
        counters.Dispatched(handout.Held.Count);
        return true;
    }

    // A trial the source cannot generate fails for good at once: retrying would regenerate the same error.
    private TrialSpec? Generate(long index, List<Delivery> deliveries)
    {
        var trial = settlements.Generate(index, out var failure);
        if (failure is not null)
        {
            deliveries.Add(new Delivery(sweep.Results, failure, []));
        }
        return trial;
    }
}
