using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Tests;

/// <summary>The embedded run when its coordinator crashes: it recovers, or ends with a clear error, in bounded time.</summary>
public sealed class CoordinatorCrashTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweepcluster-crash-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_coordinator_that_crashes_mid_sweep_is_replaced_and_the_sweep_finishes_with_each_trial_once()
    {
        // given six trials, the fourth of which crashes the coordinator once when its result comes back
        var source = new CorruptingTrialSource(InMemoryTrialSource.Of(6), index: 3, corruptions: 1);
        var trainer = new FakeTrainer { Delay = TimeSpan.FromMilliseconds(20) };

        // when two workers run the sweep in this process
        var outcome = await EmbeddedSweep.RunAsync(source, WorkerSlot.Cpu(trainer, 2), new EmbeddedSweepOptions(folder, LogLevel: "WARNING"),
            CancellationToken.None).WaitAsync(Bound);

        // then the crash happened (trial 3 was generated again by the new coordinator) and every trial is recorded once
        Assert.True(source.GenerationsOf(3) >= 2, $"trial 3 generated {source.GenerationsOf(3)} times: the coordinator never crashed");
        Assert.Equal((6L, 6L, 0L), (outcome.Total, outcome.Done, outcome.Failed));
        var recorded = ResultsJournal.Read(outcome.Paths.ResultsJournal);
        Assert.Equal(6, recorded.Count);
        Assert.Equal(6, recorded.Select(e => e.TrialId).Distinct().Count());
        Assert.DoesNotContain(recorded, e => e.Index < 0);
    }

    [Fact]
    public async Task A_coordinator_that_keeps_crashing_ends_the_run_with_the_reason()
    {
        // given a trial that crashes every coordinator that records it
        var source = new CorruptingTrialSource(InMemoryTrialSource.Of(3), index: 1, corruptions: int.MaxValue);

        // when the embedded run goes on
        var run = EmbeddedSweep.RunAsync(source, WorkerSlot.Cpu(new FakeTrainer(), 1), new EmbeddedSweepOptions(folder, LogLevel: "OFF"), CancellationToken.None);

        // then it ends, within the bound, with an error that says the coordinator failed for good and why
        var error = await Assert.ThrowsAsync<SweepFailedException>(() => run.WaitAsync(Bound));
        Assert.Contains($"the coordinator failed {CoordinatorSupervisor.MaxRestarts + 1} times", error.Message);
        Assert.Contains("ArgumentOutOfRangeException", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
