using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Tests;

/// <summary><c>run</c> hears a refusal or a failure as an exception (exit 2 and exit 1); the coordinator node reads the same end as values.</summary>
public sealed class SweepEndTests
{
    [Fact]
    public void A_refused_end_throws_a_refusal_with_its_reason()
    {
        var thrown = Assert.Throws<SweepRefusedException>(() => SweepEnd.Refused("/out/results.jsonl:4: not a result line").OutcomeOrThrow());
        Assert.Equal("/out/results.jsonl:4: not a result line", thrown.Message);
    }

    [Fact]
    public void A_failed_end_throws_a_failure_with_its_reason()
    {
        var thrown = Assert.Throws<SweepFailedException>(() => SweepEnd.Failed("the journal could not be written").OutcomeOrThrow());
        Assert.Equal("the journal could not be written", thrown.Message);
    }

    [Fact]
    public void A_completed_end_gives_its_outcome()
    {
        var outcome = new SweepOutcome(new SweepSummary("test", 3, 3, 0, 0, 0, Stopped: false), [], new SweepOutputPaths("/out"), TimeSpan.FromSeconds(2));
        Assert.Same(outcome, SweepEnd.Completed(outcome).OutcomeOrThrow());
    }
}
