using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Results;

public sealed class TrialStatusTextTests
{
    [Fact]
    public void Every_status_has_its_snake_case_text_and_reads_back_from_it()
    {
        var statuses = Enum.GetValues<TrialStatus>();

        Assert.Equal(["completed", "diverged", "failed", "interrupted", "stopped_early"], statuses.Select(TrialStatusText.Of));
        Assert.Equal(statuses.Cast<TrialStatus?>(), statuses.Select(s => TrialStatusText.Parse(TrialStatusText.Of(s))));
    }

    [Fact]
    public void The_text_is_the_one_the_worker_logs_and_the_leaderboards_write()
    {
        Assert.All(Enum.GetValues<TrialStatus>(), s => Assert.Equal(LeaderboardColumns.StatusText(s), TrialStatusText.Of(s)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Completed")]
    [InlineData("exploded")]
    public void A_text_no_status_has_reads_as_unknown(string? text)
    {
        Assert.Null(TrialStatusText.Parse(text));
    }
}
