using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Monitoring;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// How a sweep's end reaches everyone who waits on it: the log line, the hosts (on the event stream, which a coordinator's
/// restart does not lose), the callers of <c>AwaitCompletion</c> and the workers.
/// </summary>
internal sealed class SweepAnnouncer(SweepContext sweep, EventStream hosts)
{
    /// <summary>The journal holds another sweep definition: the sweep never starts.</summary>
    public void Refused(string reason)
    {
        sweep.Log.Error(EventTemplates.SweepRefused, sweep.Id, reason);
        hosts.Publish(new SweepRefused(reason));
    }

    /// <summary>The coordinator cannot go on (its journal, or a bound while syncing): the host ends the command.</summary>
    public void Failed(string reason)
    {
        sweep.Log.Error(EventTemplates.SweepCoordinatorStopped, sweep.Id, reason);
        hosts.Publish(new CoordinatorFailed(reason));
    }

    /// <summary>Every trial is settled: the waiters and the hosts get the summary, the workers are told to stop asking.</summary>
    public void Finished(SweepSummary summary, IEnumerable<IActorRef> waiters, IEnumerable<IActorRef> workers)
    {
        sweep.Log.Info(EventTemplates.SweepFinished, sweep.Id, summary.Done, summary.Failed);
        foreach (var waiter in waiters)
        {
            waiter.Tell(new SweepCompleted(summary));
        }
        hosts.Publish(new SweepCompleted(summary));
        foreach (var worker in workers)
        {
            worker.Tell(new SweepOver(sweep.Id));
        }
    }
}
