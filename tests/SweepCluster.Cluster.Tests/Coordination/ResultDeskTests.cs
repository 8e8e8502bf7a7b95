using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;

namespace SweepCluster.Cluster.Tests.Coordination;

public class ResultDeskTests
{
    // Three attempts in all (two retries).
    private static Desks NewDesks(int trials = 5) => new(InMemoryTrialSource.Of(trials), ActorRefs.Nobody, maxRetries: 2);

    private static TrialResult Completed(long index, double loss) =>
        new(TrialSpec.IdFor("test", index), TrialStatus.Completed, null, FakeTrainer.Metrics(loss), []);

    private static TrialResult Failed(long index, TrialFailureKind? kind = null) =>
        new(TrialSpec.IdFor("test", index), TrialStatus.Failed, "out of memory", null, [], FailureKind: kind);

    [Fact]
    public void A_completed_result_settles_its_trial_and_goes_to_the_results_actor()
    {
        var desks = NewDesks();
        desks.Take(4);

        var decision = desks.Results.Decide(3, Completed(3, 0.25), InMemoryTrialSource.Spec(3, lambda: 0.5), stopping: false);

        Assert.Equal((null, false, true), (decision.Journal, decision.Requeued, decision.Counted));
        var entry = decision.Record!.Entry;
        Assert.Equal((3L, TrialStatus.Completed, 0.25), (entry.Index, entry.Result.Status, entry.Result.Metrics!.ValLoss));
        Assert.Equal([new SweptValue("lambda", "0.5")], entry.SweptValues);
        Assert.Null(entry.Repeat);
        Assert.Equal((1L, 0L), (desks.Tally.Done, desks.Tally.Failed));
        Assert.True(desks.Queue.IsSettled(3));
    }

    [Fact]
    public void A_failure_of_unknown_kind_is_retried_first_in_the_queue_and_journaled()
    {
        var desks = NewDesks();
        desks.Take(3);

        var decision = desks.Results.Decide(1, Failed(1), InMemoryTrialSource.Spec(1), stopping: false);

        Assert.Equal(new ResultDecision(new AttemptFailed(1, 1), null, Requeued: true, Counted: true), decision);
        Assert.Equal(1, desks.Tally.AttemptsOf(1));
        Assert.Equal([1L, 3], desks.Take(2));
    }

    [Fact]
    public void While_stopping_a_failed_attempt_is_journaled_but_not_put_back()
    {
        var desks = NewDesks();
        desks.Take(3);

        var decision = desks.Results.Decide(1, Failed(1), InMemoryTrialSource.Spec(1), stopping: true);

        Assert.Equal(new ResultDecision(new AttemptFailed(1, 1), null, Requeued: false, Counted: true), decision);
        Assert.Equal([3L], desks.Take(1));
    }

    [Fact]
    public void The_last_attempt_fails_for_good_as_a_transient_failure()
    {
        var desks = NewDesks();
        desks.Take(2);
        desks.Tally.AttemptFailed(1, 2);

        var decision = desks.Results.Decide(1, Failed(1), InMemoryTrialSource.Spec(1), stopping: false);

        Assert.Null(decision.Journal);
        var result = decision.Record!.Entry.Result;
        Assert.Equal((TrialStatus.Failed, TrialFailureKind.Transient), (result.Status, result.FailureKind));
        Assert.Equal((0L, 1L, 0), (desks.Tally.Done, desks.Tally.Failed, desks.Tally.AttemptsOf(1)));
    }

    [Fact]
    public void A_deterministic_failure_is_final_at_its_first_attempt()
    {
        var desks = NewDesks();
        desks.Take(1);

        var decision = desks.Results.Decide(0, Failed(0, TrialFailureKind.Deterministic), InMemoryTrialSource.Spec(0), stopping: false);

        Assert.Equal((null, false), (decision.Journal, decision.Requeued));
        Assert.Equal(TrialStatus.Failed, decision.Record!.Entry.Result.Status);
        Assert.Equal(1L, desks.Tally.Failed);
    }

    [Fact]
    public void A_duplicate_of_a_settled_trial_is_ignored()
    {
        var desks = NewDesks();
        desks.Take(1);
        desks.Results.Decide(0, Completed(0, 0.5), InMemoryTrialSource.Spec(0), stopping: false);

        var again = desks.Results.Decide(0, Completed(0, 0.1), InMemoryTrialSource.Spec(0), stopping: false);

        Assert.Same(ResultDecision.Ignored, again);
        Assert.Equal(1L, desks.Tally.Done);
    }

    [Fact]
    public void A_result_of_a_trial_nobody_was_thought_to_hold_is_generated_again_and_settles()
    {
        // e.g. after a restart: the coordinator does not know the sender held trial 2, but can generate it as before
        var desks = NewDesks();

        var decision = desks.Results.Decide(2, Completed(2, 0.5), held: null, stopping: false);

        Assert.Equal((2L, "lambda"), (decision.Record!.Entry.Index, decision.Record.Entry.SweptValues[0].Name));
        Assert.True(decision.Counted);
        Assert.True(desks.Queue.IsSettled(2));
    }

    [Fact]
    public void A_trial_that_cannot_be_generated_fails_for_good_at_once_without_counting_the_result()
    {
        var desks = new Desks(new FailingTrialSource(3, broken: 2), ActorRefs.Nobody);

        var decision = desks.Results.Decide(2, Completed(2, 0.5), held: null, stopping: false);

        Assert.Equal((null, false, false), (decision.Journal, decision.Requeued, decision.Counted));
        var result = decision.Record!.Entry.Result;
        Assert.Equal(("test-2", TrialStatus.Failed, TrialFailureKind.Deterministic), (result.TrialId, result.Status, result.FailureKind));
        Assert.Equal("cannot generate trial: widths [0] are empty", result.Reason);
        Assert.Empty(decision.Record.Entry.SweptValues);
        Assert.Equal(1L, desks.Tally.Failed);
    }
}
