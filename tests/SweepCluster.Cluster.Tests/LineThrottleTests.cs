using SweepCluster.Cluster.Logging;

namespace SweepCluster.Cluster.Tests;

public sealed class LineThrottleTests
{
    [Fact]
    public void A_fault_that_repeats_every_second_passes_once_a_minute_and_other_faults_pass_meanwhile()
    {
        // given a throttle of one line a minute per key
        var clock = new ManualClock();
        var throttle = new LineThrottle(TimeSpan.FromMinutes(1), clock);

        // when the same fault comes every second for two minutes, and another once
        var passed = 0;
        for (var second = 0; second < 120; second++)
        {
            passed += throttle.Pass("ConnectionRefused|coordinator 10.0.0.5:4053") ? 1 : 0;
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // then it passed twice, and the other one at once
        Assert.Equal(2, passed);
        Assert.True(throttle.Pass("Unreachable|coordinator 10.0.0.5:4053"));
    }
}
