using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Workers;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Polls an embedded sweep's actors each interval until it ends, then once more if it completed: the coordinator for
/// the counts, and, only when someone wants the details, the workers and the results actor.
/// </summary>
internal sealed class ProgressReporter(
    IActorRef coordinator,
    IActorRef results,
    IReadOnlyList<IActorRef> workers,
    IProgress<SweepStatus>? progress,
    IProgress<SweepProgress>? details)
{
    // A worker busy with a status query answers at once (training runs off its thread); this only guards a dead one.
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromSeconds(2);

    // The coordinator and the results actor answer queries between messages; a slow answer (a coordinator being
    // replaced, a results actor busy) skips one report rather than stalling the loop.
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    /// <param name="ended">Completes when the sweep ends in any way.</param>
    /// <param name="completed">Completes when it ends with its summary: only then is there a last report to give. A sweep
    /// that failed has none, and its coordinator may never answer (one still in Syncing keeps every query).</param>
    public async Task RunAsync(Task ended, Task completed, TimeSpan interval)
    {
        if (progress is null && details is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        while (!ended.IsCompleted)
        {
            await ReportAsync();
            await Task.WhenAny(ended, timer.WaitForNextTickAsync().AsTask());
        }
        if (completed.IsCompleted)
        {
            await ReportAsync();
        }
    }

    private async Task ReportAsync()
    {
        try
        {
            var status = await coordinator.Ask<SweepStatus>(GetSweepStatus.Instance, QueryTimeout);
            progress?.Report(status);
            if (details is null)
            {
                return;
            }
            var workerStatuses = await Task.WhenAll(workers.Select(AskWorkerAsync));
            var board = await results.Ask<LeaderboardSnapshot>(GetLeaderboard.Instance, QueryTimeout);
            details.Report(new SweepProgress(status, [.. workerStatuses.OfType<WorkerStatus>()], board.Rows));
        }
        catch (AskTimeoutException)
        {
            // no answer this time: the next tick asks again
        }
    }

    private static async Task<WorkerStatus?> AskWorkerAsync(IActorRef worker)
    {
        try
        {
            return await worker.Ask<WorkerStatus>(GetWorkerStatus.Instance, WorkerTimeout);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
