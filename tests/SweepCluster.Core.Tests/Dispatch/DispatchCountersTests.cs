using System.Diagnostics;
using SweepCluster.Core.Dispatch;

namespace SweepCluster.Core.Tests.Dispatch;

public class DispatchCountersTests
{
    [Fact]
    public void Dispatches_results_and_the_time_spent_handling_are_counted()
    {
        var counters = new DispatchCounters();
        counters.Dispatched(1);
        counters.Dispatched(1);
        counters.ResultSeen();

        var ran = false;
        counters.Timed(() =>
        {
            // at least one tick passes inside the handler
            var start = Stopwatch.GetTimestamp();
            while (Stopwatch.GetTimestamp() == start)
            {
            }
            ran = true;
        });

        Assert.True(ran);
        Assert.Equal(2, counters.Dispatches);
        Assert.Equal(1, counters.ResultsSeen);
        Assert.True(counters.BusyTicks > 0);
    }

    [Fact]
    public void A_pack_counts_each_of_its_trials_as_a_dispatch()
    {
        var counters = new DispatchCounters();

        counters.Dispatched(3);
        counters.Dispatched(1);

        Assert.Equal(4, counters.Dispatches);
    }
}
