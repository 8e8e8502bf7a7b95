using Akka.Event;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The coordinator's results in: what a worker's result means for the sweep (a duplicate, a retry, or the trial settles) and
/// how a trial settles (counted, learned from by the search and the <see cref="ModelBar"/>, logged, and sent to the results
/// actor). A trial is settled in memory at once, so a late duplicate is ignored; it is journaled when the results actor
/// acknowledges. Plain: the coordinator persists and sends what it returns.
/// </summary>
internal sealed class ResultDesk(SweepContext sweep, TrialQueue queue, SweepTally tally, TrialSearch search, ModelBar modelBar)
{
    /// <summary>
    /// What the result <paramref name="reported"/> for trial <paramref name="index"/> decides, given the trial its worker
    /// <paramref name="held"/> (null when the coordinator did not think it held it) and whether the sweep is
    /// <paramref name="stopping"/>.
    /// </summary>
    public ResultDecision Decide(long index, TrialResult reported, TrialSpec? held, bool stopping)
    {
        var result = RetryPolicy.WithKind(reported);
        if (queue.IsSettled(index))
        {
            sweep.Trials.Write(LogLevel.DebugLevel, result.TrialId, result.Worker, result.Node, EventTemplates.TrialDuplicateResult, result.TrialId);
            return ResultDecision.Ignored;
        }
        // An adaptive search's trial without a journaled point cannot be told apart from a new one: it runs again.
        RecordResult? failure = null;
        var trial = held ?? (search.Knows(index) ? Generate(index, out failure) : null);
        if (trial is null)
        {
            return ResultDecision.Ignored with { Record = failure };
        }
        var attempt = tally.AttemptsOf(index) + 1;
        if (RetryPolicy.Retries(result, attempt, sweep.Settings.MaxAttempts))
        {
            return Retry(trial, attempt, result, stopping);
        }
        return new ResultDecision(null, Settle(trial.Index, trial.SweptValues, result, attempt), Requeued: false, Counted: true);
    }

    /// <summary>
    /// Trial <paramref name="index"/>; or null when the source cannot generate it, and it fails for good at once with
    /// <paramref name="failure"/> to record: retrying would regenerate the same error.
    /// </summary>
    public TrialSpec? Generate(long index, out RecordResult? failure)
    {
        var trial = search.TryGenerate(index, out var generationFailure);
        failure = generationFailure is null ? null : Settle(index, [], generationFailure, sweep.Settings.MaxAttempts);
        return trial;
    }

    /// <summary>Settles trial <paramref name="index"/> with <paramref name="result"/> at <paramref name="attempt"/>: the entry to record.</summary>
    public RecordResult Settle(long index, IReadOnlyList<SweptValue> sweptValues, TrialResult result, int attempt)
    {
        tally.MarkSettled(index, result.Status);
        search.Observe(index, result);
        modelBar.Observe(result);
        sweep.Trials.Settled(result, attempt, sweep.Settings.MaxAttempts);
        int? repeat = sweep.Source.Repeats > 1 ? (int)(index % sweep.Source.Repeats) : null;
        return new RecordResult(new LeaderboardEntry(index, sweptValues, result, repeat));
    }

    private ResultDecision Retry(TrialSpec trial, int attempt, TrialResult result, bool stopping)
    {
        tally.AttemptFailed(trial.Index, attempt);
        sweep.Trials.Failed(trial.Id, result, attempt, sweep.Settings.MaxAttempts);
        // While stopping, a failed trial is left unfinished rather than retried: a later run can retry it.
        if (!stopping)
        {
            queue.PutBackFirst(trial.Index);
        }
        return new ResultDecision(new AttemptFailed(trial.Index, attempt), null, Requeued: !stopping, Counted: true);
    }
}
