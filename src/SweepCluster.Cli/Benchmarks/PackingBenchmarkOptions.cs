namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// What <c>bench packing</c> measures: the device, the batch sizes and pack sizes of the rows (null: 1, 4, 16, 64,
/// plus 256 on CUDA), and the fixed number of timed steps per row after <paramref name="WarmUpSteps"/> untimed ones.
/// </summary>
public sealed record PackingBenchmarkOptions(
    string Device,
    IReadOnlyList<int> Batches,
    IReadOnlyList<int>? PackSizes,
    int Steps,
    int WarmUpSteps,
    int Threads);
