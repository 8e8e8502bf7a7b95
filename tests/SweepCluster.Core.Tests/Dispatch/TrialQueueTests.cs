using SweepCluster.Core.Dispatch;

namespace SweepCluster.Core.Tests.Dispatch;

public class TrialQueueTests
{
    private static long[] TakeAll(TrialQueue queue)
    {
        var taken = new List<long>();
        while (queue.TryTake(out var index))
        {
            taken.Add(index);
        }
        return [.. taken];
    }

    [Fact]
    public void Without_a_plan_trials_go_in_index_order_and_each_costs_one()
    {
        var queue = new TrialQueue(4);

        Assert.Equal(4, queue.WaitingCost);
        Assert.Equal([0L, 1, 2, 3], TakeAll(queue));
        Assert.Equal(0, queue.WaitingCost);
    }

    [Fact]
    public void A_plan_sets_the_order_and_the_waiting_cost_follows_what_is_handed_out_put_back_and_settled()
    {
        // given four trials costing 1, 5, 2 and 5, handed out most expensive first
        var queue = new TrialQueue(4, new DispatchPlan([1L, 3, 2, 0], [1.0, 5, 2, 5]));
        Assert.Equal(13, queue.WaitingCost);

        // when trial 1 is handed out, trial 0 settles before its turn (a resumed sweep), and trial 1 comes back
        Assert.True(queue.TryTake(out var first));
        Assert.Equal(1, first);
        Assert.Equal(8, queue.WaitingCost);
        Assert.True(queue.Settle(0));
        Assert.Equal(7, queue.WaitingCost);
        queue.PutBackFirst(1);
        Assert.Equal(12, queue.WaitingCost);

        // then trial 1 goes first again, the rest keep the plan's order, trial 0 is skipped, and nothing is left waiting
        Assert.Equal([1L, 3, 2], TakeAll(queue));
        Assert.Equal(0, queue.WaitingCost);
    }

    [Fact]
    public void A_settled_trial_is_never_handed_out_and_settling_twice_is_refused()
    {
        var queue = new TrialQueue(3);
        Assert.True(queue.TryTake(out var taken));

        Assert.True(queue.Settle(taken));
        Assert.False(queue.Settle(taken));
        queue.PutBackFirst(taken);

        Assert.Equal([1L, 2], TakeAll(queue));
        Assert.Equal(1, queue.SettledCount);
        Assert.False(queue.AllSettled);
        Assert.Equal(0, queue.WaitingCost);
    }

    [Fact]
    public void Putting_back_a_trial_that_was_not_handed_out_changes_nothing()
    {
        // a late or repeated put-back must not count a trial twice or hand it out twice
        var queue = new TrialQueue(2);
        queue.PutBackFirst(1);

        Assert.Equal(2, queue.WaitingCost);
        Assert.Equal([0L, 1], TakeAll(queue));
    }
}
