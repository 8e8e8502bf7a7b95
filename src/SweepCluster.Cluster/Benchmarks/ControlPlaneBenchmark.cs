using System.Diagnostics;
using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Benchmarks;

/// <summary>
/// Measures the control plane alone: N instant trials over W worker actors in one process, so that the time
/// is all dispatching, messaging and result handling. results.jsonl is appended per result (cheap) and inside
/// the measured time; the leaderboard files are written once at the end (rewriting them per result is O(n²)).
/// </summary>
public static class ControlPlaneBenchmark
{
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
            var resultsSettings = new ResultsSettings(new SweepOutputPaths(folder), source.Metric, source.SweptParameters, LeaderboardWriteMode.OnFlush);
            var results = system.ActorOf(ResultsActor.Props(resultsSettings), "results");
            var coordinator = system.ActorOf(CoordinatorActor.Props(source, results, new CoordinatorSettings()), "coordinator");
            for (var i = 0; i < options.Workers; i++)
            {
                system.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings($"bench-{i}", "bench", DedicatedThread: false)), $"worker-{i}");
            }
            var summary = (await coordinator.Ask<SweepCompleted>(AwaitCompletion.Instance, Timeout.InfiniteTimeSpan)).Summary;
            await results.Ask<LeaderboardSnapshot>(FlushLeaderboard.Instance, Timeout.InfiniteTimeSpan);
            clock.Stop();
            var stats = await coordinator.Ask<CoordinatorStats>(GetCoordinatorStats.Instance, Timeout.InfiniteTimeSpan);
            var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            return new ControlPlaneReport(options.Trials, options.Workers, summary.Done, clock.Elapsed,
                options.Trials / clock.Elapsed.TotalSeconds, stats.Dispatches, stats.MeanMicrosecondsPerDispatch,
                memoryBefore, memoryAfter, "results.jsonl appended per result (measured); leaderboard files written once at the end (measured)");
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
}
