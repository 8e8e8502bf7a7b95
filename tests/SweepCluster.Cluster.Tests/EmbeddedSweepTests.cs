using System.Text.Json;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cluster.Tests;

public sealed class EmbeddedSweepTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweepcluster-e2e-{Guid.NewGuid():N}");

    [Fact]
    public async Task Tiny_sweep_trains_end_to_end_with_the_real_trainer()
    {
        // given three small trials on 300 synthetic samples, 2 epochs each
        var source = new InMemoryTrialSource([InMemoryTrialSource.Spec(0, 0), InMemoryTrialSource.Spec(1, 1e-3), InMemoryTrialSource.Spec(2, 1e-2)]);
        using var trainer = new TorchTrialTrainer();

        // when the embedded host runs them on two workers
        var outcome = await EmbeddedSweep.RunAsync(source, WorkerSlot.Cpu(trainer, 2), new EmbeddedSweepOptions(folder, Node: "e2e"), CancellationToken.None);

        // then all three completed, are ranked, and every file is written and readable
        Assert.Equal((3L, 3L, 0L), (outcome.Total, outcome.Done, outcome.Failed));
        Assert.Equal([1, 2, 3], outcome.Entries.Select(e => e.Rank ?? 0));
        Assert.All(outcome.Entries, e => Assert.Equal(2, e.Entry.Result.History.Count));
        Assert.All(outcome.Entries, e => Assert.Equal("e2e", e.Entry.Result.Node));
        using var json = JsonDocument.Parse(File.ReadAllText(outcome.Paths.LeaderboardJson));
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), row => Assert.Equal("cpu", row.GetProperty("device").GetString()));
        var recorded = ResultsJournal.Read(outcome.Paths.ResultsJournal);
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, e => Assert.Equal(("cpu", "e2e"), (e.Result.Device, e.Result.Node)));
        Assert.Equal(4, File.ReadAllLines(outcome.Paths.LeaderboardCsv).Length);
        Assert.True(File.Exists(outcome.Paths.LeaderboardMarkdown));
        var report = File.ReadAllText(outcome.Paths.Report);
        Assert.All(outcome.Entries, e => Assert.Contains($"\"{e.Entry.TrialId}\",", report));
        // the sweep is over: the report's last write is the final one, which does not reload itself
        Assert.DoesNotContain("data-refresh-seconds=\"", report);
    }

    [Fact]
    public async Task Detailed_progress_carries_the_workers_and_the_leaderboard()
    {
        // given six instant trials on two workers, and a view that wants the details
        var details = new Collected<SweepProgress>();

        // when the sweep runs
        var outcome = await EmbeddedSweep.RunAsync(InMemoryTrialSource.Of(6), WorkerSlot.Cpu(new FakeTrainer(), 2),
            new EmbeddedSweepOptions(folder, LogLevel: "WARNING", ProgressInterval: TimeSpan.FromMilliseconds(20)),
            CancellationToken.None, details: details);

        // then the last report has every result ranked, and each report names both workers
        Assert.Equal(6, outcome.Done);
        var last = details.Items[^1];
        Assert.Equal(6, last.Status.Done);
        Assert.Equal(6, last.Leaderboard.Count);
        Assert.All(details.Items, item => Assert.Equal(2, item.Workers.Count));
        Assert.True(File.Exists(outcome.Paths.Report));
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to a context later).</summary>
    private sealed class Collected<T> : IProgress<T>
    {
        private readonly List<T> items = [];

        public IReadOnlyList<T> Items
        {
            get
            {
                lock (items)
                {
                    return [.. items];
                }
            }
        }

        public void Report(T value)
        {
            lock (items)
            {
                items.Add(value);
            }
        }
    }

    [Fact]
    public async Task Cancelled_sweep_returns_with_valid_files()
    {
        // given a sweep whose trials block until cancelled
        var source = InMemoryTrialSource.Of(6);
        var trainer = new FakeTrainer { Blocks = _ => true };
        using var stop = new CancellationTokenSource();

        // when it is cancelled once two trials are running
        var run = EmbeddedSweep.RunAsync(source, WorkerSlot.Cpu(trainer, 2), new EmbeddedSweepOptions(folder, LogLevel: "WARNING"), stop.Token);
        while (trainer.Started.Count < 2)
        {
            await Task.Delay(10);
        }
        await stop.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        // then the running trials are interrupted, the rest never ran, and the files are valid
        Assert.Equal((2L, 4L, true), (outcome.Interrupted, outcome.NotRun, outcome.Stopped));
        using var json = JsonDocument.Parse(File.ReadAllText(outcome.Paths.LeaderboardJson));
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
