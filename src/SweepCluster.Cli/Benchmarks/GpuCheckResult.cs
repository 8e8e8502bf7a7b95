namespace SweepCluster.Cli.Benchmarks;

/// <summary>One check of <see cref="GpuChecks"/>: passed or not, and what was seen (figures, or the failure's message).</summary>
public sealed record GpuCheckResult(string Name, bool Passed, string Detail);
