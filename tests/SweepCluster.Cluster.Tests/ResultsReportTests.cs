using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Results;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class ResultsReportTests : TestKit
{
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-report-{Guid.NewGuid():N}"));

    private static LeaderboardEntry Completed(int index)
    {
        var spec = InMemoryTrialSource.Spec(index, lambda: 1e-4 * (index + 1));
        var metrics = new TrialMetrics(1.0 / (index + 1), 0.5, 0.5, 1, 0.1 * index, 0, [], 3, 100, 2, 2, 0.1, 1000);
        return LeaderboardEntry.For(spec, new TrialResult(spec.Id, TrialStatus.Completed, null, metrics, [new EpochRecord(1, 1, 1, 0.5), new EpochRecord(2, 0.9, 0.8, 0.6)]));
    }

    [Fact]
    public void Report_is_throttled_while_results_arrive_and_complete_after_a_flush()
    {
        // given a results actor that rewrites the report at most once a minute
        var results = Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], SweepName: "test",
            RewriteInterval: TimeSpan.FromMinutes(1))));
        AwaitAssert(() => Assert.True(File.Exists(paths.Report) && File.Exists(paths.LeaderboardJson)), TimeSpan.FromSeconds(20));

        // when three results arrive within the minute
        for (var i = 0; i < 3; i++)
        {
            results.Tell(new RecordResult(Completed(i)), TestActor);
            ExpectMsg<ResultRecorded>(TimeSpan.FromSeconds(20));
        }
        results.Tell(GetLeaderboard.Instance, TestActor);
        ExpectMsg<LeaderboardSnapshot>(TimeSpan.FromSeconds(20));

        // then results.jsonl has them at once, the derived files not yet; after a flush the report has all three
        Assert.Contains("test-2", File.ReadAllText(paths.ResultsJournal));
        Assert.DoesNotContain("test-2", File.ReadAllText(paths.LeaderboardJson));
        Assert.DoesNotContain("test-2", File.ReadAllText(paths.Report));
        results.Tell(FlushLeaderboard.Instance, TestActor);
        ExpectMsg<LeaderboardSnapshot>(TimeSpan.FromSeconds(20));
        var report = File.ReadAllText(paths.Report);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"\"test-{i}\",", report));
        Assert.Contains("data:image/svg+xml;base64,", report);
    }

    [Fact]
    public void Report_reloads_itself_while_results_arrive_and_not_once_flushed()
    {
        // given a results actor with its throttle at the default second
        var results = Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], SweepName: "test")));

        // when a result arrives, then the report written for it is a live one
        results.Tell(new RecordResult(Completed(0)), TestActor);
        ExpectMsg<ResultRecorded>(TimeSpan.FromSeconds(20));
        AwaitAssert(() =>
        {
            var live = File.ReadAllText(paths.Report);
            Assert.Contains("\"test-0\",", live);
            Assert.Contains("data-refresh-seconds=\"", live);
        }, TimeSpan.FromSeconds(20));

        // and when the sweep's end flushes the files, the report is final: it no longer reloads
        results.Tell(FlushLeaderboard.Instance, TestActor);
        ExpectMsg<LeaderboardSnapshot>(TimeSpan.FromSeconds(20));
        var final = File.ReadAllText(paths.Report);
        Assert.Contains("\"test-0\",", final);
        Assert.DoesNotContain("data-refresh-seconds=\"", final);
        Assert.DoesNotContain("http-equiv=\"refresh\"", final);
    }

    [Fact]
    public void Report_left_live_is_made_final_when_the_actor_stops_without_a_flush()
    {
        // given a live report (a result arrived, no flush)
        var results = Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], SweepName: "test")));
        results.Tell(new RecordResult(Completed(0)), TestActor);
        ExpectMsg<ResultRecorded>(TimeSpan.FromSeconds(20));
        AwaitAssert(() => Assert.Contains("data-refresh-seconds=\"", File.ReadAllText(paths.Report)), TimeSpan.FromSeconds(20));

        // when the actor stops without a flush (a coordinator stopped by a signal, failed or downed)
        Watch(results);
        Sys.Stop(results);
        ExpectTerminated(results, TimeSpan.FromSeconds(20));

        // then the report on disk is the final one, with the result, and does not reload itself
        var report = File.ReadAllText(paths.Report);
        Assert.Contains("\"test-0\",", report);
        Assert.DoesNotContain("data-refresh-seconds=\"", report);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
