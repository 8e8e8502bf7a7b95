using System.Text.Json;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>A sweep with <c>repeats</c> end to end: one results line per repeat, one leaderboard row per configuration, resume.</summary>
public sealed class RepeatedSweepTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweepcluster-repeats-{Guid.NewGuid():N}");

    private static SweepTrialSource Grid(int repeats, string lambdas) => new(SweepFile.Parse($$"""
        name: rep
        method: grid
        seed: 3
        repeats: {{repeats}}
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 1 }
        parameters:
          lambda: { values: [{{lambdas}}] }
          dropout: { values: [0.0, 0.5] }
        """, "rep.yaml", Path.GetTempPath()));

    /// <summary>val_loss 100 − 10·c + r² for repeat r of configuration c: later configurations are better, each with the same spread.</summary>
    private static TrialResult Loss(TrialSpec trial)
    {
        var (configuration, repeat) = (trial.Index / 3, trial.Index % 3);
        var loss = 100.0 - 10 * configuration + repeat * repeat;
        return new TrialResult(trial.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(loss), [new EpochRecord(1, loss, loss, 0.5)]);
    }

    [Fact]
    public async Task A_grid_of_6_configurations_with_3_repeats_records_18_lines_and_ranks_6_rows_by_the_mean()
    {
        // given a repeats: 3 grid of 3 lambdas x 2 dropouts
        var source = Grid(3, "0.0, 1.0e-3, 1.0e-2");

        // when it runs on two workers
        var outcome = await EmbeddedSweep.RunAsync(source, WorkerSlot.Cpu(new FakeTrainer { Returns = Loss }, 2),
            new EmbeddedSweepOptions(folder, LogLevel: "WARNING"), CancellationToken.None);

        // then results.jsonl has 18 lines, each with its repeat
        Assert.Equal((18L, 18L), (outcome.Total, outcome.Done));
        var lines = ResultsJournal.Read(outcome.Paths.ResultsJournal);
        Assert.Equal(18, lines.Count);
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (int?)(i % 3)), lines.OrderBy(e => e.Index).Select(e => e.Repeat));
        Assert.All(File.ReadAllLines(outcome.Paths.ResultsJournal), line => Assert.Contains("\"repeat\":", line));

        // and the leaderboards have 6 rows, best mean first, with the sample std of (0, 1, 4): √(((5/3)² + (2/3)² + (7/3)²) / 2)
        var std = Math.Sqrt((25.0 / 9 + 4.0 / 9 + 49.0 / 9) / 2);
        using var json = JsonDocument.Parse(File.ReadAllText(outcome.Paths.LeaderboardJson));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["rep-5", "rep-4", "rep-3", "rep-2", "rep-1", "rep-0"], rows.Select(r => r.GetProperty("configuration").GetString()));
        for (var rank = 1; rank <= 6; rank++)
        {
            var row = rows[rank - 1];
            Assert.Equal(rank, row.GetProperty("rank").GetInt32());
            Assert.Equal(3, row.GetProperty("repeats").GetInt32());
            Assert.Equal(100 - 10 * (6 - rank) + 5.0 / 3, row.GetProperty("val_loss_mean").GetDouble(), 9);
            Assert.Equal(std, row.GetProperty("val_loss_std").GetDouble(), 9);
        }
        Assert.Equal(7, File.ReadAllLines(outcome.Paths.LeaderboardCsv).Length);
        Assert.Equal(8, File.ReadAllLines(outcome.Paths.LeaderboardMarkdown).Length);
        Assert.Equal(6, outcome.Entries.Count);
    }

    [Fact]
    public void A_resumed_sweep_keeps_the_finished_repeats_and_trains_only_the_others()
    {
        // given a repeats: 2 sweep of 6 configurations, run until the first repeat of each is done (the second ones block,
        // each holding one of 8 workers)
        using var sweep = new JournaledSweep(this, "repeats-resume");
        var source = Grid(2, "0.0, 1.0e-2, 1.0e-1");
        var first = new FakeTrainer { Blocks = t => t.Repeat == 1 };
        var (_, results) = sweep.Start(source, first, workers: 8);
        AwaitAssert(() => Assert.Equal(6, sweep.RecordedCount(results)), Patience);

        // when the sweep stops and resumes on the same journal and files
        sweep.StopAll();
        var second = new FakeTrainer();
        var (resumed, resumedResults) = sweep.Start(source, second);
        resumed.Tell(AwaitCompletion.Instance);
        ExpectMsg<SweepCompleted>(Patience);

        // then only the second repeats trained again, and each configuration's row is over both its repeats
        Assert.Equal(6, second.TotalCalls);
        Assert.All(second.Started, id => Assert.EndsWith("-r1", id));
        resumedResults.Tell(FlushLeaderboard.Instance);
        var rows = ExpectMsg<LeaderboardSnapshot>(Patience).Rows;
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row => Assert.Equal(2, row.Repeats!.Ranked));
        Assert.Equal(12, sweep.ResultsFile().Count);
    }

    protected override void Dispose(bool disposing)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        base.Dispose(disposing);
    }
}
