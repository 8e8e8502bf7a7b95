using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Dispatch;

public class SweepTallyTests
{
    [Fact]
    public void Settled_trials_are_counted_by_status_and_interrupted_and_stopped_early_ones_count_as_done()
    {
        // given a sweep of six trials
        var queue = new TrialQueue(6);
        var tally = new SweepTally(queue);

        // when five settle with every status
        Assert.True(tally.MarkSettled(0, TrialStatus.Completed));
        Assert.True(tally.MarkSettled(1, TrialStatus.Failed));
        Assert.True(tally.MarkSettled(2, TrialStatus.Interrupted));
        Assert.True(tally.MarkSettled(3, TrialStatus.StoppedEarly));
        Assert.True(tally.MarkSettled(4, TrialStatus.Completed));

        // then done is 4 (completed 2 + interrupted + stopped early), failed 1, and one is queued with one running
        Assert.Equal(4, tally.Done);
        Assert.Equal(1, tally.Failed);
        Assert.Equal(1, tally.Interrupted);
        Assert.Equal(1, tally.StoppedEarly);
        Assert.Equal(5, queue.SettledCount);
        Assert.Equal(1, tally.Queued(running: 0));
        Assert.Equal(0, tally.Queued(running: 1));
    }

    [Fact]
    public void A_trial_settled_twice_counts_once()
    {
        var tally = new SweepTally(new TrialQueue(3));
        Assert.True(tally.MarkSettled(2, TrialStatus.Failed));

        Assert.False(tally.MarkSettled(2, TrialStatus.Completed));

        Assert.Equal(0, tally.Done);
        Assert.Equal(1, tally.Failed);
    }

    [Fact]
    public void Failed_attempts_are_kept_until_the_trial_settles()
    {
        var tally = new SweepTally(new TrialQueue(3));
        tally.AttemptFailed(1, 1);
        tally.AttemptFailed(1, 2);
        tally.AttemptFailed(2, 1);

        Assert.Equal(2, tally.AttemptsOf(1));
        Assert.Equal(0, tally.AttemptsOf(0));

        tally.MarkSettled(1, TrialStatus.Completed);

        Assert.Equal(0, tally.AttemptsOf(1));
        Assert.Equal(1, tally.AttemptsOf(2));
    }
}
