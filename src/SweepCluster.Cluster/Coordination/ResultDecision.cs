using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What a trial's result decided (<see cref="ResultDesk.Decide"/>): the failed attempt to journal (<paramref name="Journal"/>,
/// a retry), the entry to send to the results actor (<paramref name="Record"/>: the trial settled, or could not be
/// generated again), whether the trial is back in the queue for idle workers (<paramref name="Requeued"/>), and whether the
/// result counted (<paramref name="Counted"/>: retried or settled), after which the sweep may be complete.
/// </summary>
internal sealed record ResultDecision(AttemptFailed? Journal, RecordResult? Record, bool Requeued, bool Counted)
{
    /// <summary>A duplicate of a settled trial, or a result of a trial that cannot be told apart from a new one.</summary>
    public static ResultDecision Ignored { get; } = new(null, null, Requeued: false, Counted: false);
}
