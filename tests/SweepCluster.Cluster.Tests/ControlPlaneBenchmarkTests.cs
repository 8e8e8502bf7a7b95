using SweepCluster.Cluster.Benchmarks;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests;

public sealed class ControlPlaneBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Benchmark_runs_every_trial_and_reports_its_figures()
    {
        // given a small benchmark (the full one: SWEEPCLUSTER_BENCH_TRIALS=10000 SWEEPCLUSTER_BENCH_WORKERS=64)
        var trials = int.TryParse(Environment.GetEnvironmentVariable("SWEEPCLUSTER_BENCH_TRIALS"), out var t) ? t : 1000;
        var workers = int.TryParse(Environment.GetEnvironmentVariable("SWEEPCLUSTER_BENCH_WORKERS"), out var w) ? w : 16;

        // when it runs
        var report = await ControlPlaneBenchmark.RunAsync(new ControlPlaneBenchmarkOptions(trials, workers));
        output.WriteLine(report.ToString());

        // then every trial was dispatched once and finished
        Assert.Equal((long)trials, report.Done);
        Assert.Equal((long)trials, report.Dispatches);
        Assert.True(report.TrialsPerSecond > 0);
    }
}
