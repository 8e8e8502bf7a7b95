using SweepCluster.Cluster.Serialization;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Control-plane cost: <paramref name="BusyTicks"/> (Stopwatch ticks) spent handling results and trial requests,
/// the two messages between a trial's result arriving and the next dispatch.
/// </summary>
public sealed record CoordinatorStats(long Dispatches, long Results, long BusyTicks) : ISweepMessage
{
    public double MeanMicrosecondsPerDispatch =>
        Dispatches == 0 ? 0 : BusyTicks * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency / Dispatches;
}
