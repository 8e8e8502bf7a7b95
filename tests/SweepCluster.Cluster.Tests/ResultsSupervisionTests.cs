using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Results;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// The results actor is watched (issue 27): one that cannot start is published as <see cref="ResultsFailed"/> for the host
/// to end the command, as bad data when results.jsonl holds a damaged line before its last, and the file is left as it was.
/// </summary>
public sealed class ResultsSupervisionTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-supervision-{Guid.NewGuid():N}"));

    public ResultsSupervisionTests() => Directory.CreateDirectory(paths.Directory);

    [Fact]
    public void A_damaged_line_before_the_last_is_published_as_bad_data_naming_the_file_and_line_and_the_file_is_untouched()
    {
        // given a results.jsonl of three lines whose second is damaged
        WriteResults(3);
        var lines = File.ReadAllText(paths.ResultsJournal).Split('\n');
        lines[1] = lines[1][..20] + "#damaged";
        File.WriteAllText(paths.ResultsJournal, string.Join('\n', lines), new UTF8Encoding(false));
        var before = File.ReadAllBytes(paths.ResultsJournal);
        Sys.EventStream.Subscribe(TestActor, typeof(ResultsFailed));

        // when the supervised results actor starts on it to resume
        var results = StartSupervised();

        // then the failure is published as bad data naming line 2, the supervisor stops, and not a byte of the file changed
        var failure = ExpectMsg<ResultsFailed>(Patience);
        Assert.True(failure.BadData, failure.Reason);
        Assert.Contains($"{paths.ResultsJournal}:2: not a result line", failure.Reason);
        Watch(results);
        ExpectTerminated(results, Patience);
        Assert.Equal(before, File.ReadAllBytes(paths.ResultsJournal));
    }

    [Fact]
    public void A_results_file_that_cannot_be_opened_is_published_as_a_failure_not_as_bad_data()
    {
        // given a results.jsonl that is a directory
        Directory.CreateDirectory(paths.ResultsJournal);
        Sys.EventStream.Subscribe(TestActor, typeof(ResultsFailed));

        // when the supervised results actor starts there
        StartSupervised();

        // then the failure is published, naming the file, and it is not bad data
        var failure = ExpectMsg<ResultsFailed>(Patience);
        Assert.False(failure.BadData, failure.Reason);
        Assert.Contains(paths.ResultsJournal, failure.Reason);
    }

    [Fact]
    public void Messages_reach_the_results_actor_through_its_supervisor_and_replies_reach_the_sender()
    {
        // given a results.jsonl holding two results
        WriteResults(2);
        var results = StartSupervised();

        // when asked what it holds, and then given a third result
        results.Tell(GetRecordedTrials.Instance, TestActor);
        var recorded = ExpectMsg<RecordedTrials>(Patience);
        results.Tell(new RecordResult(Entry(2)), TestActor);

        // then the answers come from the results actor to the asker
        Assert.Equal([0L, 1L], recorded.Trials.Select(t => t.Index).Order());
        Assert.Equal(2, ExpectMsg<ResultRecorded>(Patience).Index);
    }

    private IActorRef StartSupervised() =>
        Sys.ActorOf(ResultsSupervisor.Props(ResultsActor.Props(new ResultsSettings(paths, MetricSpec.Default, ["lambda"], Resume: true, SweepName: "test"))));

    private static LeaderboardEntry Entry(int index)
    {
        var spec = InMemoryTrialSource.Spec(index);
        return LeaderboardEntry.For(spec, new TrialResult(spec.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(0.5), []));
    }

    private void WriteResults(int count)
    {
        using var journal = ResultsJournal.Create(paths.ResultsJournal);
        journal.Write([.. Enumerable.Range(0, count).Select(Entry)]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
        catch (IOException)
        {
            // a report still being written: the OS cleans the temp folder later
        }
    }
}
