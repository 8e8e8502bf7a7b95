using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>The coordinator's journal (Akka's in-memory journal here) and results.jsonl together make a restart resume.</summary>
public sealed class CoordinatorRecoveryTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Restarted_coordinator_does_not_dispatch_settled_trials_again()
    {
        // given a sweep of 6 whose trials 3.. block, run until trials 0-2 are settled
        using var sweep = new JournaledSweep(this, "recovery-settled");
        var source = InMemoryTrialSource.Of(6);
        var first = new FakeTrainer { Blocks = t => t.Index >= 3 };
        var (_, results) = sweep.Start(source, first);
        AwaitAssert(() => Assert.Equal(3, sweep.RecordedCount(results)), Patience);

        // when the coordinator, its results actor and the worker stop, and a new coordinator starts on the same journal and files
        sweep.StopAll();
        var second = new FakeTrainer();
        var (resumed, resumedResults) = sweep.Start(source, second);
        resumed.Tell(AwaitCompletion.Instance);
        var summary = ExpectMsg<SweepCompleted>(Patience).Summary;

        // then only the unsettled trials ran again, and the leaderboard has all six once
        Assert.Equal(6, summary.Done);
        Assert.All(new[] { 0, 1, 2 }, i => Assert.Equal(0, second.CallsFor($"test-{i}")));
        Assert.All(new[] { 3, 4, 5 }, i => Assert.Equal(1, second.CallsFor($"test-{i}")));
        resumedResults.Tell(FlushLeaderboard.Instance);
        Assert.Equal(6, ExpectMsg<LeaderboardSnapshot>(Patience).Rows.Select(r => r.Entry.TrialId).Distinct().Count());
    }

    [Fact]
    public void Trial_in_results_file_but_not_in_the_journal_counts_as_settled()
    {
        // given results.jsonl holding trial 1 (written just before a crash, never journaled) and a torn last line
        using var sweep = new JournaledSweep(this, "recovery-adopted");
        var paths = sweep.Paths;
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
        var (coordinator, results) = sweep.Start(source, trainer);
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
        using var sweep = new JournaledSweep(this, "recovery-missing");
        var source = InMemoryTrialSource.Of(3);
        var (coordinator, results) = sweep.Start(source, new FakeTrainer());
        coordinator.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        AwaitAssert(() => Assert.Equal(3, sweep.RecordedCount(results)), Patience);
        sweep.StopAll();
        File.Delete(sweep.Paths.ResultsJournal);

        // when a coordinator starts on the same journal
        var second = new FakeTrainer();
        var (resumed, _) = sweep.Start(source, second);
        resumed.Tell(AwaitCompletion.Instance);

        // then every trial runs again, so that the leaderboard is complete
        Assert.Equal(3, ExpectMsg<SweepCompleted>(Patience).Summary.Done);
        Assert.Equal(3, second.TotalCalls);
    }

    [Fact]
    public void Journal_of_another_sweep_definition_is_refused()
    {
        // given a finished sweep journaled with definition hash "aaa"
        using var sweep = new JournaledSweep(this, "recovery-refused");
        var source = InMemoryTrialSource.Of(1);
        var (coordinator, _) = sweep.Start(source, new FakeTrainer(), definitionHash: "aaa");
        coordinator.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);
        sweep.StopAll();

        // when a coordinator with another definition starts on the same journal
        var (changed, _) = sweep.Start(source, new FakeTrainer(), workers: 0, definitionHash: "bbb");
        changed.Tell(AwaitCompletion.Instance);

        // then it refuses and says why
        Assert.Contains("another definition", ExpectMsg<SweepRefused>(Patience).Reason);
    }
}
