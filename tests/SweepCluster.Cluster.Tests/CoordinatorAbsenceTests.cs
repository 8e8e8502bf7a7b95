using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cluster.Tests;

public sealed class CoordinatorAbsenceTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Worker_without_a_coordinator_gives_up_after_its_idle_exit_time_counted_from_when_it_lost_it()
    {
        // given a worker node with --idle-exit 600 that found its coordinator, then lost it
        var absence = new CoordinatorAbsence(IdleExit.FromSeconds(600), clock);
        absence.Found();
        clock.Advance(TimeSpan.FromMinutes(30));
        absence.Lost();

        // when 2 s pass, then the rest
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("giving up in 9 m 58 s", absence.Outlook);
        Assert.False(absence.Expired);
        clock.Advance(TimeSpan.FromSeconds(598));

        // then it has waited its 600 s
        Assert.True(absence.Expired);
        Assert.Equal(TimeSpan.Zero, absence.Remaining);
    }

    [Fact]
    public void Worker_counts_from_its_start_and_a_coordinator_found_again_resets_the_clock()
    {
        var absence = new CoordinatorAbsence(IdleExit.FromSeconds(10), clock);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(TimeSpan.FromSeconds(1), absence.Remaining);

        absence.Found();
        clock.Advance(TimeSpan.FromSeconds(60));
        absence.Lost();
        absence.Lost(); // a second loss does not restart the clock
        clock.Advance(TimeSpan.FromSeconds(9));

        Assert.False(absence.Expired);
        Assert.Equal(TimeSpan.FromSeconds(9), absence.AbsentFor);
    }

    [Fact]
    public void Idle_exit_0_waits_forever()
    {
        var absence = new CoordinatorAbsence(IdleExit.FromSeconds(0), clock);
        clock.Advance(TimeSpan.FromDays(3));

        Assert.False(absence.Expired);
        Assert.Null(absence.Remaining);
        Assert.Equal("waiting without limit (--idle-exit 0)", absence.Outlook);
        Assert.Equal(IdleExit.Default, IdleExit.FromSeconds(null));
        Assert.Equal(TimeSpan.FromMinutes(10), IdleExit.Default.After);
    }

    [Theory]
    [InlineData(598, "9 m 58 s")]
    [InlineData(600, "10 m")]
    [InlineData(45, "45 s")]
    [InlineData(1.5, "1.5 s")]
    [InlineData(7500, "2 h 5 m")]
    public void Durations_read_as_people_write_them(double seconds, string text)
    {
        Assert.Equal(text, Durations.Human(TimeSpan.FromSeconds(seconds)));
    }
}
