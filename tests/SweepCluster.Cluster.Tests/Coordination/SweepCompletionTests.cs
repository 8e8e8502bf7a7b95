using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Tests.Coordination;

public class SweepCompletionTests
{
    private static (TrialQueue Queue, SweepTally Tally, SweepCompletion<string> Completion) NewSweep(long total)
    {
        var queue = new TrialQueue(total);
        var tally = new SweepTally(queue);
        return (queue, tally, new SweepCompletion<string>("s", queue, tally));
    }

    [Fact]
    public void A_sweep_completes_once_every_trial_is_settled_and_tells_its_waiters_once()
    {
        // given a sweep of three trials and two waiters
        var (_, tally, completion) = NewSweep(3);
        Assert.Null(completion.Await("a"));
        Assert.Null(completion.Await("b"));
        tally.MarkSettled(0, TrialStatus.Completed);
        tally.MarkSettled(1, TrialStatus.Failed);
        Assert.Null(completion.TryComplete(nothingHeld: true));

        // when the last one settles
        tally.MarkSettled(2, TrialStatus.StoppedEarly);
        var told = completion.TryComplete(nothingHeld: false);

        // then both waiters are told the summary, once, and a later waiter gets it at once
        Assert.Equal(["a", "b"], told!);
        Assert.Equal(new SweepSummary("s", 3, Done: 2, Failed: 1, Interrupted: 0, NotRun: 0, Stopped: false, StoppedEarly: 1), completion.Summary);
        Assert.Null(completion.TryComplete(nothingHeld: true));
        Assert.Equal(completion.Summary, completion.Await("c"));
    }

    [Fact]
    public void A_stopping_sweep_completes_when_no_worker_holds_a_trial_and_counts_the_rest_as_not_run()
    {
        var (_, tally, completion) = NewSweep(5);
        tally.MarkSettled(4, TrialStatus.Interrupted);

        completion.Stop();

        Assert.True(completion.Stopping);
        Assert.Null(completion.TryComplete(nothingHeld: false));
        Assert.Empty(completion.TryComplete(nothingHeld: true)!);
        Assert.Equal(new SweepSummary("s", 5, Done: 1, Failed: 0, Interrupted: 1, NotRun: 4, Stopped: true), completion.Summary);
    }

    [Fact]
    public void The_status_counts_running_trials_apart_from_queued_ones()
    {
        var (_, tally, completion) = NewSweep(10);
        tally.MarkSettled(0, TrialStatus.Completed);
        tally.MarkSettled(1, TrialStatus.Failed);

        Assert.Equal(new SweepStatus("s", 10, Done: 1, Running: 3, Queued: 5, Failed: 1, Stopping: false), completion.Status(running: 3));
    }
}
