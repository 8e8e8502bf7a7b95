using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The early-stopping scheduler's answer to one epoch report: the report to journal first when the scheduler keeps it
/// (<paramref name="Journal"/>), so that the answer never outruns the journal, and at a decision epoch the
/// <paramref name="Verdict"/> the worker waits for (null elsewhere).
/// </summary>
internal sealed record EpochRuling(SchedulerReported? Journal, EpochVerdict? Verdict)
{
    /// <summary>
    /// Asks the scheduler about this epoch of <paramref name="message"/>'s trial, ranked by <paramref name="metric"/>; null
    /// when there is nothing to ask (no scheduler, a report without an index or without the metric). Also asked for a trial
    /// the coordinator does not think the sender holds (after a restart): the scheduler decides by index, and the worker must
    /// not hang.
    /// </summary>
    public static EpochRuling? Of(TrialSearch search, string metric, TrialProgress message)
    {
        if (!search.HasScheduler || message.Index < 0 || EpochMetric.Value(message.Epoch, metric) is not { } value)
        {
            return null;
        }
        var (index, epoch) = (message.Index, message.Epoch.Epoch);
        var answer = search.Report(index, epoch, value);
        var verdict = answer.Decision is { } decision ? new EpochVerdict(message.TrialId, epoch, decision.Stop, decision.Reason) : null;
        return new EpochRuling(answer.Records ? new SchedulerReported(index, epoch, value) : null, verdict);
    }
}
