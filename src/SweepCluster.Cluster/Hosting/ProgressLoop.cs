using Akka.Actor;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Workers;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// The progress of a running sweep, for both hosts: each <paramref name="interval"/> it asks the coordinator for the counts
/// and, only when someone wants the details, the <paramref name="workers"/> for their trials and the results actor for the
/// leaderboard. It polls until the sweep ends or the host stops it, then reports once more if the sweep completed. Each
/// host keeps its own interval (<see cref="HostTimeouts.EmbeddedProgressInterval"/>, <see cref="HostTimeouts.CoordinatorProgressInterval"/>).
/// <paramref name="clock"/> drives the interval (null: the system's); <paramref name="queryTimeout"/> bounds each query
/// (null: <see cref="HostTimeouts.ProgressQuery"/>).
/// </summary>
public sealed class ProgressLoop(
    IActorRef coordinator,
    IActorRef results,
    IReadOnlyList<IActorRef> workers,
    IProgress<SweepStatus>? progress,
    IProgress<SweepProgress>? details,
    TimeSpan interval,
    TimeProvider? clock = null,
    TimeSpan? queryTimeout = null)
{
    private readonly TimeSpan query = queryTimeout ?? HostTimeouts.ProgressQuery;

    /// <param name="ended">Completes when the sweep ends in any way.</param>
    /// <param name="completed">Completes when it ends with its summary: only then is there a last report to give. A sweep
    /// that failed has none, and its coordinator may never answer (one still in Syncing keeps every query).</param>
    /// <param name="stop">The host no longer waits for the sweep (it is leaving): the loop ends at once, with no last report.</param>
    public async Task RunAsync(Task ended, Task completed, CancellationToken stop)
    {
        if (progress is null && details is null)
        {
            return;
        }
        using (var polling = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            var poll = PollAsync(polling.Token);
            await Task.WhenAny(ended, poll);
            // A query still in flight when the sweep ends is dropped: its coordinator may never answer, and the host must not wait for it.
            await polling.CancelAsync();
            await poll;
        }
        if (completed.IsCompleted && !stop.IsCancellationRequested)
        {
            await ReportAsync(CancellationToken.None);
        }
    }

    /// <summary>Reports now and after each tick until cancelled. A tick missed while a report was slow is not made up.</summary>
    private async Task PollAsync(CancellationToken cancelled)
    {
        using var timer = new PeriodicTimer(interval, clock ?? TimeProvider.System);
        try
        {
            while (!cancelled.IsCancellationRequested)
            {
                await ReportAsync(cancelled);
                await timer.WaitForNextTickAsync(cancelled);
            }
        }
        catch (OperationCanceledException)
        {
            // the sweep ended or the host stopped it: the caller decides about a last report
        }
    }

    private async Task ReportAsync(CancellationToken cancelled)
    {
        try
        {
            var status = await coordinator.Ask<SweepStatus>(GetSweepStatus.Instance, query, cancelled);
            progress?.Report(status);
            if (details is null)
            {
                return;
            }
            var workerStatuses = await Task.WhenAll(workers.Select(worker => AskWorkerAsync(worker, cancelled)));
            var board = await results.Ask<LeaderboardSnapshot>(GetLeaderboard.Instance, query, cancelled);
            details.Report(new SweepProgress(status, [.. workerStatuses.OfType<WorkerStatus>()], board.Rows));
        }
        catch (AskTimeoutException)
        {
            // no answer this time (a coordinator not up yet, or being replaced): the next tick asks again
        }
    }

    private static async Task<WorkerStatus?> AskWorkerAsync(IActorRef worker, CancellationToken cancelled)
    {
        try
        {
            return await worker.Ask<WorkerStatus>(GetWorkerStatus.Instance, HostTimeouts.WorkerStatusQuery, cancelled);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
