using System.Diagnostics;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// The host core both sweep hosts share (issue 27): how it turns each way a sweep ends, heard on the event stream, into a
/// <see cref="SweepEnd"/>, and that a completed sweep's outcome carries the leaderboard the results actor flushed.
/// </summary>
public sealed class SweepHostCoreTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweepcluster-host-{Guid.NewGuid():N}");

    private static readonly IReadOnlyList<RankedEntry> Board =
    [
        new(1, new LeaderboardEntry(2, [new SweptValue("lambda", "1e-3")], new TrialResult("test-2", TrialStatus.Completed, null, FakeTrainer.Metrics(0.25), [], "w0", "node-a"))),
        new(null, new LeaderboardEntry(0, [new SweptValue("lambda", "1e-4")], new TrialResult("test-0", TrialStatus.Failed, "bad", null, [], "w1", "node-a"))),
    ];

    public SweepHostCoreTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_completed_sweep_ends_with_the_coordinators_counts_and_the_flushed_leaderboard()
    {
        // given a host core whose results actor answers a flush with a two-row leaderboard
        var flushes = CreateTestProbe();
        var core = Start(Props.Create(() => new FlushingResults(Board, flushes.Ref)));

        // when the coordinator publishes the end of a stopped sweep: 10 trials, 7 done (1 interrupted), 2 failed, 1 not run, 3 stopped early
        Sys.EventStream.Publish(new SweepCompleted(new SweepSummary("test", 10, 7, 2, 1, 1, Stopped: true, StoppedEarly: 3)));
        var end = await core.EndAsync().WaitAsync(Patience);

        // then the results were flushed once, and the outcome holds those counts, that leaderboard and the output folder
        flushes.ExpectMsg<FlushLeaderboard>(Patience);
        Assert.Equal((null, null), (end.RefusedBecause, end.FailedBecause));
        var outcome = end.Outcome!;
        Assert.Equal(("test", 10L, 7L, 2L, 1L, 1L, true, 3L),
            (outcome.SweepId, outcome.Total, outcome.Done, outcome.Failed, outcome.Interrupted, outcome.NotRun, outcome.Stopped, outcome.StoppedEarly));
        Assert.Equal(["test-2", "test-0"], outcome.Entries.Select(e => e.Entry.TrialId));
        Assert.Equal(Path.Combine(folder, "results.jsonl"), outcome.Paths.ResultsJournal);
        Assert.True(core.Completed.IsCompleted);
    }

    [Fact]
    public async Task A_refused_sweep_ends_refused_with_the_coordinators_reason_and_flushes_nothing()
    {
        // given a host core
        var flushes = CreateTestProbe();
        var core = Start(Props.Create(() => new FlushingResults(Board, flushes.Ref)));

        // when the coordinator refuses the sweep (its journal holds another definition)
        Sys.EventStream.Publish(new SweepRefused("the journal holds another definition of sweep test"));
        var end = await core.EndAsync().WaitAsync(Patience);

        // then the end is a refusal with that reason, and nothing was flushed
        Assert.Equal(("the journal holds another definition of sweep test", null), (end.RefusedBecause, end.FailedBecause));
        Assert.Null(end.Outcome);
        Assert.False(core.Completed.IsCompleted);
        flushes.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_coordinator_that_failed_for_good_ends_the_sweep_failed_with_its_reason()
    {
        // given a host core
        var core = Start(Props.Create(() => new FlushingResults(Board, ActorRefs.Nobody)));

        // when the coordinator fails for good
        Sys.EventStream.Publish(new CoordinatorFailed("the journal could not be written: disk full"));
        var end = await core.EndAsync().WaitAsync(Patience);

        // then the end is a failure with that reason
        Assert.Equal((null, "the journal could not be written: disk full"), (end.RefusedBecause, end.FailedBecause));
        Assert.Null(end.Outcome);
    }

    [Fact]
    public async Task A_results_actor_stopped_by_a_damaged_line_ends_the_sweep_refused_as_bad_input()
    {
        // given a host core
        var core = Start(Props.Create(() => new FlushingResults(Board, ActorRefs.Nobody)));

        // when the results supervisor reports a damaged line
        Sys.EventStream.Publish(new ResultsFailed("/out/results.jsonl:4: not a result line", BadData: true));
        var end = await core.EndAsync().WaitAsync(Patience);

        // then it is refused (exit 2), naming the line
        Assert.Equal(("/out/results.jsonl:4: not a result line", null), (end.RefusedBecause, end.FailedBecause));
    }

    [Fact]
    public async Task The_real_results_actor_that_cannot_open_its_file_ends_the_sweep_failed_naming_the_file()
    {
        // given an output folder whose results.jsonl is a directory
        var results = Path.Combine(folder, "results.jsonl");
        Directory.CreateDirectory(results);

        // when a host core starts its real, supervised results actor there
        var core = Start(resultsActor: null);
        var end = await core.EndAsync().WaitAsync(Patience);

        // then the sweep ends failed (exit 1, not bad input), naming the file
        Assert.Null(end.RefusedBecause);
        Assert.Contains(results, end.FailedBecause);
    }

    private SweepHostCore Start(Props? resultsActor) =>
        SweepHostCore.Start(Sys, InMemoryTrialSource.Of(3), new SweepHostSettings(folder, Resume: true, MaxRetries: 2, KeepModels: 0, DefinitionHash: "hash"),
            Stopwatch.StartNew(), resultsActor);

    /// <summary>A results actor that answers a flush with a fixed leaderboard and tells <paramref name="flushes"/> of it.</summary>
    private sealed class FlushingResults : ReceiveActor
    {
        public FlushingResults(IReadOnlyList<RankedEntry> board, IActorRef flushes) =>
            Receive<FlushLeaderboard>(flush =>
            {
                flushes.Tell(flush);
                Sender.Tell(new LeaderboardSnapshot(board));
            });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
