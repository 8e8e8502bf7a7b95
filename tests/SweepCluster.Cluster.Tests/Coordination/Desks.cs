using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

/// <summary>
/// The coordinator's plain types wired as the actor wires them, over <paramref name="source"/>: a fitter that measures
/// 100 bytes per trial against <paramref name="maxPayloadBytes"/> (null: no frame), leases of 5 s.
/// </summary>
internal sealed class Desks
{
    public Desks(ITrialSource source, IActorRef results, int maxRetries = 2, long? maxPayloadBytes = null)
    {
        Queue = new TrialQueue(source.Count);
        Tally = new SweepTally(Queue);
        Search = new TrialSearch(source);
        Sweep = new SweepContext(source.SweepName, source, new CoordinatorSettings(MaxRetries: maxRetries, AssignmentLease: Lease), results,
            new TrialLog(NoLogger.Instance));
        var modelBar = new ModelBar(source.Metric, 0);
        var fitter = new AssignmentFitter(maxPayloadBytes, (_, message) => message is AssignPack pack ? 100 * pack.Trials.Count : 100, Queue, Search,
            modelBar, Sweep.Trials);
        Assignments = new AssignmentDesk(Sweep, Queue, Tally, fitter);
        Results = new ResultDesk(Sweep, Queue, Tally, Search, modelBar);
        Dispatch = new DispatchDesk(Sweep, new TrialDispatcher(Queue, new PackShare(DispatchPlan.Uniform)), Workers, Assignments, Results, Search, Counters);
    }

    public static TimeSpan Lease { get; } = TimeSpan.FromSeconds(5);

    public TrialQueue Queue { get; }

    public SweepTally Tally { get; }

    public TrialSearch Search { get; }

    public SweepContext Sweep { get; }

    public WorkerPool<IActorRef, WorkerInfo, RequestTrial> Workers { get; } = new();

    public DispatchCounters Counters { get; } = new();

    public AssignmentDesk Assignments { get; }

    public ResultDesk Results { get; }

    public DispatchDesk Dispatch { get; }

    /// <summary>Takes the next <paramref name="count"/> trials off the queue, as a dispatch would (-1 where none is left).</summary>
    public List<long> Take(int count) =>
        Enumerable.Range(0, count).Select(_ => Queue.TryTake(out var index) ? index : -1).ToList();
}
