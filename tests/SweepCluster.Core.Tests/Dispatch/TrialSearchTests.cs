using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Dispatch;

public class TrialSearchTests
{
    private static readonly TrialSpec Template = SweepText.Parse(SweepText.Valid).TrialAt(0);

    /// <summary>Places trial i at (i / 10) when adaptive; trial <paramref name="broken"/> fails to generate after its point is placed.</summary>
    private sealed class FakeSource(bool adaptive, long broken = -1, ITrialScheduler? scheduler = null, IReadOnlyList<MetricSpec>? objectives = null) : ITrialSource
    {
        public int ObservationsSeen { get; private set; } = -1;

        public SearchHistory? History { get; private set; }

        public IReadOnlyList<MetricSpec> Objectives => objectives ?? [Metric];

        public string SweepName => "fake";

        public long Count => 10;

        public MetricSpec Metric => MetricSpec.Default;

        public IReadOnlyList<string> SweptParameters => [];

        public bool Adaptive => adaptive;

        public TrialSpec TrialAt(long index) =>
            index == broken ? throw new InvalidOperationException("boom") : Template with { Index = index, Id = TrialSpec.IdFor("fake", index) };

        public TrialSpec TrialAt(long index, SearchHistory history)
        {
            ObservationsSeen = history.Observations.Count;
            History = history;
            history.Suggest(index, [index / 10.0]);
            return TrialAt(index);
        }

        public ITrialScheduler? NewScheduler() => scheduler;
    }

    /// <summary>Decides at epoch 2 only, keeps reports from epoch 2 on, and stops a trial whose value is over 1.</summary>
    private sealed class FakeScheduler : ITrialScheduler
    {
        public List<(long Index, int Epoch, double Value)> Reports { get; } = [];

        public IReadOnlyList<int> DecisionEpochs(long index) => [2];

        public bool Records(long index, int epoch) => epoch >= 2;

        public SchedulerDecision Report(long index, int epoch, double value)
        {
            Reports.Add((index, epoch, value));
            return value > 1 ? SchedulerDecision.StopBecause("worse") : SchedulerDecision.GoOn;
        }
    }

    [Fact]
    public void A_non_adaptive_search_generates_from_the_source_and_journals_no_points()
    {
        var search = new TrialSearch(new FakeSource(adaptive: false));

        var trial = search.TryGenerate(3, out var failure);

        Assert.Equal(3, trial!.Index);
        Assert.Null(failure);
        Assert.True(search.Knows(7));
        Assert.Empty(search.TakeUnjournaled());
        Assert.False(search.HasScheduler);
        Assert.Null(search.DecisionEpochs(3));
    }

    [Fact]
    public void New_points_of_an_adaptive_search_wait_to_be_journaled_once_in_order()
    {
        var search = new TrialSearch(new FakeSource(adaptive: true));
        Assert.False(search.Knows(0));

        search.TryGenerate(0, out _);
        search.TryGenerate(1, out _);
        search.TryGenerate(0, out _);

        var points = search.TakeUnjournaled();
        Assert.Equal([0L, 1], points.Select(p => p.Index));
        Assert.Equal([0.1], points[1].Point);
        Assert.True(search.Knows(1));
        Assert.Empty(search.TakeUnjournaled());
    }

    [Fact]
    public void Replayed_points_are_known_and_not_journaled_again_and_observed_losses_reach_the_search()
    {
        var source = new FakeSource(adaptive: true);
        var search = new TrialSearch(source);

        search.Replay(4, [0.4]);
        search.Observe(4, 0.25, null);
        search.TryGenerate(4, out _);

        Assert.True(search.Knows(4));
        Assert.False(search.Knows(5));
        Assert.Empty(search.TakeUnjournaled());
        Assert.Equal(1, source.ObservationsSeen);
    }

    [Fact]
    public void A_trial_that_cannot_be_generated_fails_for_good_and_its_new_point_is_still_journaled()
    {
        var search = new TrialSearch(new FakeSource(adaptive: true, broken: 2));

        var trial = search.TryGenerate(2, out var failure);

        Assert.Null(trial);
        Assert.Equal("fake-2", failure!.TrialId);
        Assert.Equal(TrialStatus.Failed, failure.Status);
        Assert.Equal(TrialFailureKind.Deterministic, failure.FailureKind);
        Assert.Equal("cannot generate trial: boom", failure.Reason);
        var point = Assert.Single(search.TakeUnjournaled());
        Assert.Equal((2L, 0.2), (point.Index, point.Point[0]));
    }

    [Fact]
    public void The_scheduler_answers_only_at_decision_epochs_and_says_which_reports_it_keeps()
    {
        var scheduler = new FakeScheduler();
        var search = new TrialSearch(new FakeSource(adaptive: false, scheduler: scheduler));

        search.ReplayReport(5, 2, 0.5);
        var early = search.Report(5, 1, 3.0);
        var atDecision = search.Report(5, 2, 3.0);

        Assert.True(search.HasScheduler);
        Assert.Equal([2], search.DecisionEpochs(5)!);
        Assert.Equal(new EpochAnswer(false, null), early);
        Assert.True(atDecision.Records);
        Assert.Equal(SchedulerDecision.StopBecause("worse"), atDecision.Decision);
        Assert.Equal([(5L, 2, 0.5), (5L, 1, 3.0), (5L, 2, 3.0)], scheduler.Reports);
    }

    [Fact]
    public void With_two_objectives_the_search_learns_every_objective_of_a_result_and_of_a_recorded_trial()
    {
        // val_loss minimised, val_accuracy maximised (negated)
        MetricSpec[] objectives = [MetricSpec.Default, new("val_accuracy", MetricGoal.Maximize)];
        var source = new FakeSource(adaptive: true, objectives: objectives);
        var search = new TrialSearch(source);
        search.TryGenerate(0, out _);
        search.TryGenerate(1, out _);
        var metrics = new TrialMetrics(0.4, 0.8, 0.4, 1, 0.5, 0, [], 3, 10, 2, 2, 1, 1);

        search.Observe(0, new TrialResult("fake-0", TrialStatus.Completed, null, metrics, []));
        search.Observe(1, 0.3, [0.3, -0.9]);
        search.TryGenerate(2, out _);

        Assert.Equal(2, source.History!.Objectives);
        var values = source.History.Observations.OrderBy(o => o.Index).Select(o => o.Values).ToList();
        Assert.Equal([0.4, -0.8], values[0]);
        Assert.Equal([0.3, -0.9], values[1]);
    }
}
