using SweepCluster.Core.Dispatch;

namespace SweepCluster.Core.Tests.Dispatch;

public class WorkerPoolTests
{
    private static List<string> DrainIdle(WorkerPool<string, string, string> pool)
    {
        var idle = new List<string>();
        while (pool.TryNextIdle(out var worker))
        {
            idle.Add(worker);
        }
        return idle;
    }

    [Fact]
    public void A_worker_registers_once_and_keeps_its_first_info()
    {
        var pool = new WorkerPool<string, string, string>();

        Assert.True(pool.Register("w0", "node-a"));
        Assert.False(pool.Register("w0", "node-b"));

        Assert.Equal(1, pool.Count);
        Assert.Equal("node-a", pool.InfoOf("w0"));
        Assert.True(pool.Contains("w0"));
        Assert.False(pool.Contains("w1"));
    }

    [Fact]
    public void Idle_workers_come_back_in_the_order_they_parked_and_parking_twice_queues_once()
    {
        var pool = new WorkerPool<string, string, string>();
        pool.Register("w0", "");
        pool.Register("w1", "");
        pool.Register("w2", "");

        pool.Park("w2");
        pool.Park("w0");
        pool.Park("w2");
        pool.Park("w1");

        Assert.Equal(["w2", "w0", "w1"], DrainIdle(pool));
    }

    [Fact]
    public void An_unregistered_worker_does_not_park()
    {
        var pool = new WorkerPool<string, string, string>();

        pool.Park("stranger");

        Assert.Empty(DrainIdle(pool));
    }

    [Fact]
    public void A_worker_removed_while_parked_is_skipped_and_forgets_its_request()
    {
        // given two parked workers, the first of which asked for packs
        var pool = new WorkerPool<string, string, string>();
        pool.Register("w0", "");
        pool.Register("w1", "");
        pool.Asked("w0", "packs of 4");
        pool.Park("w0");
        pool.Park("w1");

        // when the first terminates while parked
        pool.Remove("w0");

        // then only the second comes back, and the first is gone for good
        Assert.Equal(["w1"], DrainIdle(pool));
        Assert.Null(pool.RequestOf("w0"));
        Assert.Equal(1, pool.Count);
        pool.Park("w0");
        Assert.Empty(DrainIdle(pool));
    }

    [Fact]
    public void A_worker_taken_off_the_idle_queue_may_park_again()
    {
        var pool = new WorkerPool<string, string, string>();
        pool.Register("w0", "");
        pool.Park("w0");
        Assert.True(pool.TryNextIdle(out _));

        pool.Park("w0");

        Assert.Equal(["w0"], DrainIdle(pool));
        Assert.Empty(pool.Workers.Except(["w0"]));
    }
}
