namespace SweepCluster.Cli.Benchmarks;

/// <summary>One row of <c>bench packing</c>: trial-samples/s of a pack of <paramref name="K"/> at one batch size, and its speedup over K = 1 at that batch.</summary>
public sealed record PackingBenchmarkRow(int Batch, int K, double TrialSamplesPerS, double Speedup);
