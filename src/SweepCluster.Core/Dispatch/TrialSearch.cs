using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// The coordinator's decisions that depend on results: which trial comes next (the source, and for an adaptive search the
/// <see cref="SearchHistory"/> it learns from) and whether a running trial goes on (the early-stopping scheduler). Fresh per
/// coordinator incarnation: replaying the journal (<see cref="Replay"/>, <see cref="ReplayReport"/>) and the results
/// (<see cref="Observe"/>) rebuilds both, so a restarted coordinator decides as before. New points of an adaptive search
/// wait in <see cref="TakeUnjournaled"/> until the coordinator journals them.
/// </summary>
public sealed class TrialSearch(ITrialSource source)
{
    private readonly SearchHistory? history = source.Adaptive ? new SearchHistory(source.Repeats, source.Objectives.Count) : null;
    private readonly ITrialScheduler? scheduler = source.NewScheduler();
    private readonly List<SuggestedPoint> unjournaled = [];

    public bool HasScheduler => scheduler is not null;

    /// <summary>True when trial <paramref name="index"/> would be generated as before: a non-adaptive search, or one holding its point.</summary>
    public bool Knows(long index) => history is null || history.TryGetPoint(index, out _);

    /// <summary>A journaled point, replayed.</summary>
    public void Replay(long index, IReadOnlyList<double> point) => history?.Suggest(index, [.. point]);

    /// <summary>A journaled scheduler report, replayed.</summary>
    public void ReplayReport(long index, int epoch, double value) => scheduler?.Report(index, epoch, value);

    /// <summary>A finished trial's result, for the search to learn from (nothing for a non-adaptive search).</summary>
    public void Observe(long index, TrialResult result)
    {
        if (source.Objectives.Count > 1)
        {
            history?.ObserveLosses(index, ObservedLoss.Of(result, source.Objectives));
        }
        else
        {
            history?.Observe(index, ObservedLoss.Of(result, source.Metric));
        }
    }

    /// <summary>
    /// A trial the results file holds (on resume): its loss on the first objective, and with several objectives all of
    /// them (<paramref name="losses"/>), as the results actor read them back.
    /// </summary>
    public void Observe(long index, double? loss, IReadOnlyList<double>? losses)
    {
        if (source.Objectives.Count > 1)
        {
            history?.ObserveLosses(index, losses);
        }
        else
        {
            history?.Observe(index, loss);
        }
    }

    /// <summary>
    /// Trial <paramref name="index"/>, or null with the <paramref name="failure"/> it fails for good with when the source cannot
    /// generate it: retrying would regenerate the same error.
    /// </summary>
    public TrialSpec? TryGenerate(long index, out TrialResult? failure)
    {
        var known = Knows(index);
        failure = null;
        try
        {
            return history is null ? source.TrialAt(index) : source.TrialAt(index, history);
        }
        catch (Exception e)
        {
            failure = new TrialResult(TrialSpec.IdFor(source.SweepName, index), TrialStatus.Failed, $"cannot generate trial: {e.Message}", null, [],
                FailureKind: TrialFailureKind.Deterministic);
            return null;
        }
        finally
        {
            // A new point of an adaptive search is journaled, also when its trial failed to generate: the search counts that
            // failure as a bad result at the point.
            if (!known && history!.TryGetPoint(index, out var point))
            {
                unjournaled.Add(new SuggestedPoint(index, point));
            }
        }
    }

    /// <summary>The new points not journaled yet, in the order they were made; the list is emptied.</summary>
    public IReadOnlyList<SuggestedPoint> TakeUnjournaled()
    {
        var points = unjournaled.ToList();
        unjournaled.Clear();
        return points;
    }

    /// <summary>The epochs at which the worker waits for the scheduler's decision on trial <paramref name="index"/>; null without a scheduler.</summary>
    public IReadOnlyList<int>? DecisionEpochs(long index) => scheduler?.DecisionEpochs(index);

    /// <summary>Gives the scheduler an epoch report of trial <paramref name="index"/> (there must be a scheduler).</summary>
    public EpochAnswer Report(long index, int epoch, double value)
    {
        var records = scheduler!.Records(index, epoch);
        var decision = scheduler.Report(index, epoch, value);
        return new EpochAnswer(records, scheduler.DecisionEpochs(index).Contains(epoch) ? decision : null);
    }
}
