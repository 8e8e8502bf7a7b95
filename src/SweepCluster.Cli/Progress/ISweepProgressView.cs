using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cli.Progress;

/// <summary>
/// Shows a running sweep: fed counts (<see cref="SweepStatus"/>) or the fuller <see cref="SweepProgress"/> (running
/// trials, leaderboard) by whoever runs the sweep, the embedded <c>run</c> or a coordinator. <see cref="RunAsync{T}"/>
/// wraps the sweep so that a live view can own the terminal while it runs.
/// </summary>
public interface ISweepProgressView : IProgress<SweepStatus>, IProgress<SweepProgress>
{
    Task<T> RunAsync<T>(Func<Task<T>> sweep);
}
