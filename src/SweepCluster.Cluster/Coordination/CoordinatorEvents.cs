using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What the coordinator journals. Replaying them rebuilds the settled trials and the failed-attempt counts;
/// every trial not settled (queued or running at the crash) runs again. Dispatches are not journaled: a trial
/// that was running is simply not settled, and re-running it is what resume must do anyway.
/// </summary>
public static class CoordinatorEvents
{
    /// <summary>The first event of a sweep: what it is, so that a resume with a changed definition is refused.</summary>
    public sealed record SweepStarted(string SweepId, string DefinitionHash, long Total) : ISweepMessage;

    /// <summary>Attempt <paramref name="Attempt"/> of trial <paramref name="Index"/> failed and will be retried.</summary>
    public sealed record AttemptFailed(long Index, int Attempt) : ISweepMessage;

    /// <summary>Trial <paramref name="Index"/> finished for good and its result is in results.jsonl.</summary>
    public sealed record TrialSettled(long Index, TrialStatus Status) : ISweepMessage;

    /// <summary>
    /// An epoch report the scheduler keeps (a rung result, …), journaled in the order the scheduler took them, before its
    /// decision is sent: replaying them rebuilds its state, so a resumed coordinator decides as before.
    /// </summary>
    public sealed record SchedulerReported(long Index, int Epoch, double Value) : ISweepMessage;

    /// <summary>An adaptive search (TPE) placed trial <paramref name="Index"/> at <paramref name="Point"/>; journaled before the trial is handed out.</summary>
    public sealed record TrialSuggested(long Index, IReadOnlyList<double> Point) : ISweepMessage;
}
