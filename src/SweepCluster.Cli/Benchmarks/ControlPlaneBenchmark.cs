using System.Diagnostics;
using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// Measures the control plane alone: N instant trials over W worker actors in one process, so that the time is all
/// dispatching, messaging and result handling. Results are written as a real run writes them (results.jsonl appended
/// and fsync'd, leaderboards and report.html rewritten on their throttle, in a temporary folder), and the measured
/// time ends when the final flush has written every file.
/// </summary>
public static class ControlPlaneBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public const int WarmUpTrials = 500;

    public static async Task<ControlPlaneReport> RunAsync(ControlPlaneBenchmarkOptions options)
    {
        var folder = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), $"sweepcluster-bench-{Guid.NewGuid():N}");
        var source = new GeneratedTrialSource(options.Trials);
        var trainer = new InstantTrainer();
        var system = ActorSystem.Create("sweepcluster-bench", AkkaConfig.Embedded("WARNING"));
        try
        {
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var resultsSettings = new ResultsSettings(new SweepOutputPaths(folder), source.Metric, source.SweptParameters, SweepName: source.SweepName);
            var results = system.ActorOf(ResultsActor.Props(resultsSettings), "results");
            var coordinator = system.ActorOf(CoordinatorActor.Props(source, results, new CoordinatorSettings()), "coordinator");
            for (var i = 0; i < options.Workers; i++)
            {
                system.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings($"bench-{i}", "bench", DedicatedThread: false)), $"worker-{i}");
            }
            // Generous but bounded: 10^5 instant trials take minutes on 2 cores, a hang should end with an error, not never.
            var summary = (await coordinator.Ask<SweepCompleted>(AwaitCompletion.Instance, Limit)).Summary;
            var snapshot = await results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, Limit);
            clock.Stop();
            var stats = await coordinator.Ask<CoordinatorStats>(GetCoordinatorStats.Instance, TimeSpan.FromMinutes(1));
            var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            return new ControlPlaneReport(options.Trials, options.Workers, summary.Done, snapshot.Rows.Count, clock.Elapsed,
                stats.Dispatches, stats.MeanMicrosecondsPerDispatch, memoryBefore, memoryAfter);
        }
        finally
        {
            await system.Terminate();
            if (options.OutputDirectory is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Runs one benchmark per size, smallest first, each in a fresh actor system and folder, after an untimed run of
    /// <see cref="WarmUpTrials"/> trials: the first run in a process pays for JIT and start-up, which would otherwise
    /// inflate the smallest size's cost per trial and flatter the ratio.
    /// </summary>
    public static async Task<IReadOnlyList<ControlPlaneReport>> RunScaleAsync(IReadOnlyList<int> trials, int workers, Action<ControlPlaneReport>? onRow = null)
    {
        await RunAsync(new ControlPlaneBenchmarkOptions(WarmUpTrials, workers));
        var reports = new List<ControlPlaneReport>();
        foreach (var count in trials.Order())
        {
            var report = await RunAsync(new ControlPlaneBenchmarkOptions(count, workers));
            onRow?.Invoke(report);
            reports.Add(report);
        }
        return reports;
    }
}
