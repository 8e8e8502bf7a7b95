namespace SweepCluster.Cli.Benchmarks;

/// <summary>The control-plane benchmark's size; <paramref name="OutputDirectory"/> null means a temporary folder, deleted afterwards.</summary>
public sealed record ControlPlaneBenchmarkOptions(int Trials = 10_000, int Workers = 64, string? OutputDirectory = null);
