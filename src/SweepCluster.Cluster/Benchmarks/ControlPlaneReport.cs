namespace SweepCluster.Cluster.Benchmarks;

/// <summary>
/// What the control-plane benchmark measured. <paramref name="MeanDispatchMicroseconds"/> is the coordinator's
/// own handling time (result + next request) per dispatch; <paramref name="ResultsWriting"/> says which file
/// writing was inside the measured time.
/// </summary>
public sealed record ControlPlaneReport(
    int Trials,
    int Workers,
    long Done,
    TimeSpan Elapsed,
    double TrialsPerSecond,
    long Dispatches,
    double MeanDispatchMicroseconds,
    long ManagedBytesBefore,
    long ManagedBytesAfter,
    string ResultsWriting)
{
    public override string ToString() =>
        $"{Trials} trials over {Workers} workers: {Elapsed.TotalSeconds:F2} s, {TrialsPerSecond:F0} trials/s, " +
        $"{Dispatches} dispatches, {MeanDispatchMicroseconds:F1} µs coordinator time per dispatch, " +
        $"managed memory {ManagedBytesBefore / 1048576.0:F1} MiB → {ManagedBytesAfter / 1048576.0:F1} MiB; {ResultsWriting}";
}
