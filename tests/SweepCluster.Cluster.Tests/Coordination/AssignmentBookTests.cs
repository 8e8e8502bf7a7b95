using SweepCluster.Cluster.Coordination;

namespace SweepCluster.Cluster.Tests.Coordination;

public class AssignmentBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    private sealed record Held(long Index);

    private static AssignmentBook<string, Held> NewBook() => new(Lease, held => held.Index);

    [Fact]
    public void Held_trials_are_counted_per_trial_across_workers()
    {
        var book = NewBook();
        Assert.True(book.IsEmpty);

        book.Hold("w0", [new Held(3), new Held(4)], "pack", Start);
        book.Hold("w1", [new Held(7)], "one", Start);

        Assert.False(book.IsEmpty);
        Assert.Equal(3, book.HeldTrials);
        Assert.Equal([3L, 4, 7], book.All.Select(h => h.Index).Order());
        Assert.Equal([3L, 4], book.HeldBy("w0").Select(h => h.Index));
        Assert.Empty(book.HeldBy("w2"));
    }

    [Fact]
    public void Releasing_one_trial_keeps_the_rest_of_the_pack_and_its_lease()
    {
        var book = NewBook();
        book.Hold("w0", [new Held(3), new Held(4)], "pack", Start);

        Assert.Equal(new Held(4), book.Release("w0", 4));
        Assert.Null(book.Release("w0", 4));
        Assert.Null(book.Release("w1", 3));

        Assert.Equal([3L], book.HeldBy("w0").Select(h => h.Index));
        // the lease is still open for the trial left
        Assert.Equal([new LeaseExpiry<string>("w0", "pack", 2, Resend: true)], book.Expire(Start + Lease));
    }

    [Fact]
    public void Releasing_the_last_trial_or_the_whole_worker_closes_its_lease()
    {
        var book = NewBook();
        book.Hold("w0", [new Held(3)], "one", Start);
        book.Hold("w1", [new Held(5), new Held(6)], "pack", Start);

        Assert.Equal(new Held(3), book.Release("w0", 3));
        Assert.Equal([5L, 6], book.Release("w1").Select(h => h.Index));
        Assert.Empty(book.Release("w1"));

        Assert.True(book.IsEmpty);
        Assert.Empty(book.Expire(Start + Lease));
    }

    [Fact]
    public void Acknowledging_a_held_trial_closes_the_lease_and_a_foreign_index_does_not()
    {
        var book = NewBook();
        book.Hold("w0", [new Held(3), new Held(4)], "pack", Start);
        book.Hold("w1", [new Held(8)], "one", Start);

        Assert.False(book.Acknowledge("w1", [3L]));
        Assert.True(book.Acknowledge("w0", [4L, 9]));
        Assert.False(book.Acknowledge("w0", [4L]));

        // w0 acknowledged and keeps its trials; w1's lease runs out and is resent
        Assert.Equal([new LeaseExpiry<string>("w1", "one", 2, Resend: true)], book.Expire(Start + Lease));
        Assert.Equal(2, book.HeldBy("w0").Count);
    }

    [Fact]
    public void An_unacknowledged_assignment_is_resent_then_given_back_after_the_last_send()
    {
        // given a pack nobody acknowledges (three sends in all)
        var book = NewBook();
        book.Hold("w0", [new Held(1), new Held(2)], "pack", Start);

        Assert.Empty(book.Expire(Start + Lease - TimeSpan.FromMilliseconds(1)));
        Assert.Equal([new LeaseExpiry<string>("w0", "pack", 2, Resend: true)], book.Expire(Start + Lease));
        Assert.Equal([new LeaseExpiry<string>("w0", "pack", 3, Resend: true)], book.Expire(Start + 2 * Lease));
        Assert.Equal([new LeaseExpiry<string>("w0", "pack", 3, Resend: false)], book.Expire(Start + 3 * Lease));

        // then the trials are still on the books until the caller gives them back, and no lease is left
        Assert.Equal([1L, 2], book.Release("w0").Select(h => h.Index));
        Assert.Empty(book.Expire(Start + 10 * Lease));
    }
}
