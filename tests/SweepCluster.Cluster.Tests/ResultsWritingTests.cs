using System.Text.Json;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Results;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class ResultsWritingTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-results-{Guid.NewGuid():N}"));
    private readonly RecordingStore store = new();

    private static LeaderboardEntry Completed(int index, double valLoss = double.NaN)
    {
        var spec = InMemoryTrialSource.Spec(index, lambda: 1e-4 * (index + 1));
        var loss = double.IsNaN(valLoss) ? 1.0 / (index + 1) : valLoss;
        var metrics = new TrialMetrics(loss, 0.5, 0.5, 1, 0.1, 0, [], 3, 100, 1, 1, 0.1, 1000);
        return LeaderboardEntry.For(spec, new TrialResult(spec.Id, TrialStatus.Completed, null, metrics, [new EpochRecord(1, loss, loss, 0.5)]));
    }

    private IActorRef StartResults(TimeSpan rewriteInterval, bool recording = true, TimeSpan? rewriteDelay = null) =>
        Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], SweepName: "test",
            RewriteInterval: rewriteInterval, Store: recording ? _ => store : null, RewriteDelay: rewriteDelay)));

    [Fact]
    public void A_flush_while_a_live_report_is_written_is_answered_by_a_final_report()
    {
        // given a results actor that has written its first (empty) report, with a short throttle
        var results = StartResults(TimeSpan.FromMilliseconds(50));
        AwaitCondition(() => store.ReportWrites == 1, Patience, "the first report was never written");
        store.HoldReports();

        // when a result arrives, its throttled (live) report write is held, and the sweep's end flushes meanwhile
        results.Tell(new RecordResult(Completed(0)), TestActor);
        ExpectMsg<ResultRecorded>(Patience);
        AwaitCondition(() => store.ReportsStarted == 2, Patience, "the live report write never started");
        results.Tell(FlushLeaderboard.Instance, TestActor);
        store.ReleaseReports();

        // then the flush is answered only once a final report is written, after the live one
        Assert.Single(ExpectMsg<LeaderboardSnapshot>(Patience).Rows);
        Assert.Equal([false, false, true], store.ReportFinals);
    }

    [Fact]
    public void Result_is_acknowledged_only_after_its_line_is_durable()
    {
        // given a results actor whose append is held on the disk
        var results = StartResults(TimeSpan.FromHours(1));
        store.HoldAppends();

        // when a result arrives
        results.Tell(new RecordResult(Completed(0)), TestActor);
        AwaitCondition(() => store.AppendsStarted == 1, Patience, "the append never started");

        // then it is ranked at once, but neither acknowledged nor reported as recorded while its line is not durable;
        // once it is, the acknowledgement comes
        results.Tell(GetLeaderboard.Instance, TestActor);
        Assert.Single(ExpectMsg<LeaderboardSnapshot>(Patience).Rows);
        results.Tell(GetRecordedTrials.Instance, TestActor);
        Assert.Empty(ExpectMsg<RecordedTrials>(Patience).Trials);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        store.ReleaseAppends();
        var ack = ExpectMsg<ResultRecorded>(Patience);
        Assert.Equal(0, ack.Index);
        Assert.True(store.IsDurable("test-0"), "acknowledged before results.jsonl held the line");
    }

    [Fact]
    public void Results_arriving_during_a_write_share_the_next_fsync()
    {
        // given a results actor writing the first result, held on the disk
        var results = StartResults(TimeSpan.FromHours(1));
        store.HoldAppends();
        results.Tell(new RecordResult(Completed(0)), TestActor);
        AwaitCondition(() => store.AppendsStarted == 1, Patience, "the first append never started");

        // when 50 more results arrive meanwhile (the leaderboard reply proves the actor has taken them all)
        for (var i = 1; i <= 50; i++)
        {
            results.Tell(new RecordResult(Completed(i)), TestActor);
        }
        results.Tell(GetLeaderboard.Instance, TestActor);
        ExpectMsg<LeaderboardSnapshot>(Patience);
        store.ReleaseAppends();

        // then every result is acknowledged after two appends: the first alone, the 50 others together
        var acks = Enumerable.Range(0, 51).Select(_ => ExpectMsg<ResultRecorded>(Patience).Index).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 51).Select(i => (long)i), acks);
        Assert.Equal([1, 50], store.Batches.Select(batch => batch.Count));
    }

    [Fact]
    public void Recorded_trials_carry_the_search_loss_even_for_rows_whose_learning_curve_the_leaderboard_dropped()
    {
        // given 15 trials stopped early whose last reported val_loss (index + 2) is worse than their best (index + 1),
        // more than the leaderboard keeps learning curves for
        var results = StartResults(TimeSpan.FromHours(1), recording: false);
        for (var i = 0; i < 15; i++)
        {
            var spec = InMemoryTrialSource.Spec(i);
            var metrics = FakeTrainer.Metrics(i + 1.0) with { EpochsRun = 2, BestEpoch = 1 };
            var history = new[] { new EpochRecord(1, 1, i + 1.0, 0.5), new EpochRecord(2, 1, i + 2.0, 0.5) };
            results.Tell(new RecordResult(LeaderboardEntry.For(spec, new TrialResult(spec.Id, TrialStatus.StoppedEarly, "asha", metrics, history))), TestActor);
        }
        for (var i = 0; i < 15; i++)
        {
            ExpectMsg<ResultRecorded>(Patience);
        }

        // when a resuming coordinator asks what is recorded
        results.Tell(GetRecordedTrials.Instance, TestActor);
        var recorded = ExpectMsg<RecordedTrials>(Patience).Trials;

        // then each trial's loss for the search is its last reported value, as it was when the trial finished
        Assert.Equal(15, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(r.Index + 2.0, r.Loss));
    }

    [Fact]
    public void Recorded_trials_carry_every_objectives_loss_for_a_resumed_multi_objective_search()
    {
        // given a sweep minimising val_loss and maximising val_accuracy, with trials 0–2 completed (val_loss i + 1,
        // val_accuracy 0.25·(i + 1)) and trial 3 failed
        var objectives = new[] { MetricSpec.Default, new MetricSpec("val_accuracy", MetricGoal.Maximize) };
        var results = Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], SweepName: "test",
            RewriteInterval: TimeSpan.FromHours(1), Store: _ => store, Objectives: objectives)));
        for (var i = 0; i < 3; i++)
        {
            var spec = InMemoryTrialSource.Spec(i);
            var metrics = FakeTrainer.Metrics(i + 1.0) with { ValAccuracy = 0.25 * (i + 1) };
            results.Tell(new RecordResult(LeaderboardEntry.For(spec, new TrialResult(spec.Id, TrialStatus.Completed, null, metrics, []))), TestActor);
        }
        var failed = InMemoryTrialSource.Spec(3);
        results.Tell(new RecordResult(LeaderboardEntry.For(failed, new TrialResult(failed.Id, TrialStatus.Failed, "boom", null, []))), TestActor);
        for (var i = 0; i < 4; i++)
        {
            ExpectMsg<ResultRecorded>(Patience);
        }

        // when a resuming coordinator asks what is recorded
        results.Tell(GetRecordedTrials.Instance, TestActor);
        var recorded = ExpectMsg<RecordedTrials>(Patience).Trials.OrderBy(r => r.Index).ToList();

        // then each completed trial carries (val_loss, −val_accuracy), the failed one none, and the scalar loss is as before
        Assert.Equal([[1.0, -0.25], [2.0, -0.5], [3.0, -0.75]], recorded.Take(3).Select(r => r.Losses!.ToArray()));
        Assert.Equal([1.0, 2.0, 3.0], recorded.Take(3).Select(r => r.Loss!.Value));
        Assert.Null(recorded[3].Losses);
        Assert.Null(recorded[3].Loss);
    }

    [Fact]
    public void Duplicate_result_is_acknowledged_but_written_once()
    {
        // given a trial's result being written, held on the disk
        var results = StartResults(TimeSpan.FromHours(1));
        store.HoldAppends();
        results.Tell(new RecordResult(Completed(0, valLoss: 0.5)), TestActor);
        AwaitCondition(() => store.AppendsStarted == 1, Patience, "the append never started");

        // when the same trial's result arrives again while it is written, and once more after
        results.Tell(new RecordResult(Completed(0, valLoss: 0.1)), TestActor);
        store.ReleaseAppends();
        ExpectMsg<ResultRecorded>(Patience);
        ExpectMsg<ResultRecorded>(Patience);
        results.Tell(new RecordResult(Completed(0, valLoss: 0.2)), TestActor);
        ExpectMsg<ResultRecorded>(Patience);

        // then every copy was acknowledged, only the first was written, and the leaderboard holds the first
        Assert.Equal(["test-0"], store.Batches.SelectMany(batch => batch));
        results.Tell(GetLeaderboard.Instance, TestActor);
        Assert.Equal(0.5, ExpectMsg<LeaderboardSnapshot>(Patience).Rows.Single().Entry.Result.Metrics!.ValLoss);
    }

    [Fact]
    public void Failed_append_restarts_the_actor_with_the_durable_results_and_no_acknowledgement()
    {
        // given a results actor that has recorded one result
        var results = StartResults(TimeSpan.FromHours(1));
        results.Tell(new RecordResult(Completed(0)), TestActor);
        ExpectMsg<ResultRecorded>(Patience);

        // when the next append fails
        store.FailNextAppend();
        EventFilter.Exception<IOException>().ExpectOne(() => results.Tell(new RecordResult(Completed(1)), TestActor));

        // then the failed result is not acknowledged, and the restarted actor reopens results.jsonl keeping what it held
        results.Tell(GetRecordedTrials.Instance, TestActor);
        Assert.Equal([0L], ExpectMsg<RecordedTrials>(Patience).Trials.Select(trial => trial.Index));
        Assert.Equal([false, true], store.Opens);

        // and the result sent again is written and acknowledged
        results.Tell(new RecordResult(Completed(1)), TestActor);
        Assert.Equal(1, ExpectMsg<ResultRecorded>(Patience).Index);
        Assert.Equal(["test-0", "test-1"], store.Batches.SelectMany(batch => batch));
    }

    [Fact]
    public void A_result_just_before_the_sweeps_end_is_written_once_in_the_final_files()
    {
        // given a results actor that has written its first (empty) files, whose rewrites wait a while for more results
        var results = StartResults(TimeSpan.FromMilliseconds(50), rewriteDelay: TimeSpan.FromHours(1));
        AwaitCondition(() => store.ReportWrites == 1, Patience, "the first report was never written");

        // when a result arrives and the sweep's end flushes before the delay is over
        results.Tell(new RecordResult(Completed(0)), TestActor);
        ExpectMsg<ResultRecorded>(Patience);
        results.Tell(FlushLeaderboard.Instance, TestActor);

        // then the files were written once more, as the final ones, with the result: no live write came first
        Assert.Single(ExpectMsg<LeaderboardSnapshot>(Patience).Rows);
        Assert.Equal([false, true], store.ReportFinals);
        Assert.Equal(2, store.LeaderboardWrites);
    }

    [Fact]
    public void Derived_files_are_rewritten_once_per_interval_however_many_results_arrive()
    {
        // given a results actor that rewrites the derived files at most once an hour
        var results = StartResults(TimeSpan.FromHours(1));
        AwaitCondition(() => store.LeaderboardWrites == 1, Patience, "the empty files were never written at start");

        // when 200 results arrive and are recorded
        for (var i = 0; i < 200; i++)
        {
            results.Tell(new RecordResult(Completed(i)), TestActor);
        }
        for (var i = 0; i < 200; i++)
        {
            ExpectMsg<ResultRecorded>(Patience);
        }

        // then nothing was rewritten within the hour; a flush rewrites everything once, with all 200 rows
        Assert.Equal((1, 1), (store.LeaderboardWrites, store.ReportWrites));
        results.Tell(FlushLeaderboard.Instance, TestActor);
        Assert.Equal(200, ExpectMsg<LeaderboardSnapshot>(Patience).Rows.Count);
        Assert.Equal((2, 2, 200), (store.LeaderboardWrites, store.ReportWrites, store.LastLeaderboardRows));
    }

    [Fact]
    public void Flush_sent_before_the_results_are_durable_answers_with_every_row_in_every_file()
    {
        // given a results actor on real files that rewrites them at most once an hour
        var results = StartResults(TimeSpan.FromHours(1), recording: false);

        // when 100 results arrive and a flush follows at once
        for (var i = 0; i < 100; i++)
        {
            results.Tell(new RecordResult(Completed(i)), TestActor);
        }
        results.Tell(FlushLeaderboard.Instance, TestActor);

        // then every result is acknowledged first, then the flush is answered with files that hold every row
        for (var i = 0; i < 100; i++)
        {
            ExpectMsg<ResultRecorded>(Patience);
        }
        Assert.Equal(100, ExpectMsg<LeaderboardSnapshot>(Patience).Rows.Count);
        Assert.Equal(100, File.ReadAllLines(paths.ResultsJournal).Length);
        Assert.Equal(101, File.ReadAllLines(paths.LeaderboardCsv).Length);
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        Assert.Equal(100, json.RootElement.GetArrayLength());
        var report = File.ReadAllText(paths.Report);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Contains($"\"test-{i}\",", report));
    }

    protected override void Dispose(bool disposing)
    {
        store.ReleaseAppends();
        base.Dispose(disposing);
        if (disposing && Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
