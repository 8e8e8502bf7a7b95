namespace SweepCluster.Training.Packing;

/// <summary>How many training steps a throughput measurement times: untimed warm-up steps, then at least
/// <paramref name="MinSteps"/> and until <paramref name="MinTime"/> has passed, never more than <paramref name="MaxSteps"/>.</summary>
public sealed record PackTimingOptions(int WarmUpSteps, int MinSteps, TimeSpan MinTime, int MaxSteps)
{
    /// <summary>A fixed number of timed steps (benchmarks: the same work for every row).</summary>
    public static PackTimingOptions Fixed(int warmUpSteps, int steps) => new(warmUpSteps, steps, TimeSpan.Zero, steps);
}
