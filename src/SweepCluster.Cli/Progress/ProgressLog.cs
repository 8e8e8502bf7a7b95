using Serilog;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Cli.Progress;

/// <summary>
/// The progress view for output that is not a terminal (CI, docker logs): a log line when the counts changed,
/// at most once per interval, and always for the last one.
/// </summary>
public sealed class ProgressLog(TimeSpan interval) : ISweepProgressView
{
    private SweepStatus? last;
    private DateTime lastWritten = DateTime.MinValue;

    public Task<T> RunAsync<T>(Func<Task<T>> sweep) => sweep();

    public void Report(SweepProgress value) => Report(value.Status);

    public void Report(SweepStatus value)
    {
        var due = DateTime.UtcNow - lastWritten >= interval || value.Done + value.Failed == value.Total;
        if (value == last || !due)
        {
            return;
        }
        last = value;
        lastWritten = DateTime.UtcNow;
        Log.Information(EventTemplates.SweepProgress,
            value.SweepId, value.Done, value.Total, value.Running, value.Queued, value.Failed);
    }
}
