using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>The coordinator's journal (Akka's in-memory journal here) and results.jsonl together make a restart resume.</summary>
public sealed class CoordinatorRecoveryTests : TestKit, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-recovery-{Guid.NewGuid():N}"));
    private int generation;
    private readonly List<IActorRef> resultsActors = [];

    [Fact]
    public void Restarted_coordinator_does_not_dispatch_settled_trials_again()
    {
        // given a sweep of 6 whose trials 3.. block, run until trials 0-2 are settled
        var source = InMemoryTrialSource.Of(6);
        var first = new FakeTrainer { Blocks = t => t.Index >= 3 };
        var (coordinator, results) = Start(source);
        var worker = AddWorker(coordinator, first);
        AwaitAssert(() => Assert.Equal(3, RecordedCount(results)), Patience);

        // when the coordinator, its results actor and the worker stop, and a new coordinator starts on the same journal and files
        StopAll(coordinator, results, worker);
        var second = new FakeTrainer();
        var (resumed, resumedResults) = Start(source);
        AddWorker(resumed, second);
        resumed.Tell(AwaitCompletion.Instance);
        var summary = ExpectMsg<SweepCompleted>(Patience).Summary;

        // then only the unsettled trials ran again, and the leaderboard has all six once
        Assert.Equal(6, summary.Done);
        Assert.All(new[] { 0, 1, 2 }, i => Assert.Equal(0, second.CallsFor($"test-{i}")));
        Assert.All(new[] { 3, 4, 5 }, i => Assert.Equal(1, second.CallsFor($"test-{i}")));
        resumedResults.Tell(FlushLeaderboard.Instance);
        Assert.Equal(6, ExpectMsg<LeaderboardSnapshot>().Rows.Select(r => r.Entry.TrialId).Distinct().Count());
    }

    [Fact]
    public void Trial_in_results_file_but_not_in_the_journal_counts_as_settled()
    {
        // given results.jsonl holding trial 1 (written just before a crash, never journaled) and a torn last line
        var source = InMemoryTrialSource.Of(3);
        Directory.CreateDirectory(paths.Directory);
        var earlier = new LeaderboardEntry(1, [], new TrialResult("test-1", TrialStatus.Completed, null, FakeTrainer.Metrics(0.5), []));
        using (var journal = ResultsJournal.Create(paths.ResultsJournal))
        {
            journal.Write(earlier);
        }
        File.AppendAllText(paths.ResultsJournal, "{\"index\": 2, \"swept_val");

        // when a coordinator starts on it
        var trainer = new FakeTrainer();
        var (coordinator, results) = Start(source);
        AddWorker(coordinator, trainer);
        coordinator.Tell(AwaitCompletion.Instance);
        var summary = ExpectMsg<SweepCompleted>(Patience).Summary;
        results.Tell(FlushLeaderboard.Instance); // the last result may still be on its way to the file
        ExpectMsg<LeaderboardSnapshot>(Patience);

        // then trial 1 is not trained again, and results.jsonl holds each trial once with no torn line
        Assert.Equal(3, summary.Done);
        Assert.Equal(0, trainer.CallsFor("test-1"));
        Assert.Equal(["test-0", "test-1", "test-2"], ResultsJournal.Read(paths.ResultsJournal).Select(e => e.TrialId).Order());
        Assert.All(File.ReadAllLines(paths.ResultsJournal), line => Assert.EndsWith("}", line));
    }

    [Fact]
    public void Trial_settled_in_the_journal_but_missing_from_results_file_runs_again()
    {
        // given a finished sweep of 3 whose results.jsonl is then lost (say, another output folder)
        var source = InMemoryTrialSource.Of(3);
        var (coordinator, results) = Start(source);
        var worker = AddWorker(coordinator, new FakeTrainer());
        coordinator.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        AwaitAssert(() => Assert.Equal(3, RecordedCount(results)), Patience);
        StopAll(coordinator, results, worker);
        File.Delete(paths.ResultsJournal);

        // when a coordinator starts on the same journal
        var second = new FakeTrainer();
        var (resumed, _) = Start(source);
        AddWorker(resumed, second);
        resumed.Tell(AwaitCompletion.Instance);

        // then every trial runs again, so that the leaderboard is complete
        Assert.Equal(3, ExpectMsg<SweepCompleted>(Patience).Summary.Done);
        Assert.Equal(3, second.TotalCalls);
    }

    [Fact]
    public void Journal_of_another_sweep_definition_is_refused()
    {
        // given a finished sweep journaled with definition hash "aaa"
        var source = InMemoryTrialSource.Of(1);
        var (coordinator, results) = Start(source, hash: "aaa");
        var worker = AddWorker(coordinator, new FakeTrainer());
        coordinator.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        StopAll(coordinator, results, worker);

        // when a coordinator with another definition starts on the same journal
        var (changed, _) = Start(source, hash: "bbb");
        changed.Tell(AwaitCompletion.Instance);

        // then it refuses and says why
        Assert.Contains("another definition", ExpectMsg<SweepRefused>(Patience).Reason);
    }

    public new void Dispose()
    {
        // A results actor renders report.html on a pool thread: let every one finish writing before the folder goes.
        foreach (var results in resultsActors)
        {
            try
            {
                results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, Patience).Wait();
                results.GracefulStop(Patience).Wait();
            }
            catch (AggregateException)
            {
                // already stopped by the test: nothing of it is writing any more
            }
        }
        base.Dispose();
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }

    private (IActorRef Coordinator, IActorRef Results) Start(ITrialSource source, string hash = "")
    {
        generation++;
        var results = Sys.ActorOf(ResultsActor.Props(new ResultsSettings(paths, source.Metric, source.SweptParameters, Resume: true)), $"results-{generation}");
        resultsActors.Add(results);
        var coordinator = Sys.ActorOf(CoordinatorActor.Props(source, results, new CoordinatorSettings(DefinitionHash: hash, PersistenceId: "sweep-recovery")),
            $"coordinator-{generation}");
        return (coordinator, results);
    }

    private IActorRef AddWorker(IActorRef coordinator, FakeTrainer trainer) =>
        Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings($"w{generation}", "test-node")), $"worker-{generation}");

    private int RecordedCount(IActorRef results)
    {
        results.Tell(GetRecordedTrials.Instance);
        return ExpectMsg<RecordedTrials>().Trials.Count;
    }

    private void StopAll(params IActorRef[] actors)
    {
        foreach (var actor in actors)
        {
            Watch(actor);
            Sys.Stop(actor);
            ExpectTerminated(actor, Patience);
            resultsActors.Remove(actor);
        }
    }
}
