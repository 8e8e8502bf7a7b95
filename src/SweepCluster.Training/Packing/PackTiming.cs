namespace SweepCluster.Training.Packing;

/// <summary>A throughput measurement: <paramref name="Steps"/> steps of a pack of <paramref name="PackSize"/> trials took <paramref name="Seconds"/>.</summary>
public sealed record PackTiming(int PackSize, int BatchSize, int Steps, double Seconds)
{
    /// <summary>Training rows per second summed over the pack's trials: the figure to compare across pack sizes.</summary>
    public double TrialSamplesPerSecond => (double)PackSize * BatchSize * Steps / Math.Max(Seconds, 1e-9);
}
