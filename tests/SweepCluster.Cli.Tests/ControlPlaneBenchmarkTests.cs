using SweepCluster.Cli.Benchmarks;
using Xunit.Abstractions;

namespace SweepCluster.Cli.Tests;

public sealed class ControlPlaneBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Benchmark_runs_every_trial_at_each_size_and_reports_its_figures()
    {
        // given two small sizes (the full one: sweepcluster bench control-plane --trials 1000,10000,100000)
        var sizes = new[] { 300, 100 };

        // when it runs
        var reports = await ControlPlaneBenchmark.RunScaleAsync(sizes, workers: 16);
        output.WriteLine(ControlPlaneReport.Table(reports));

        // then each size ran smallest first, every trial was dispatched once, finished, and is a row of the final files
        Assert.Equal([100, 300], reports.Select(r => r.Trials));
        Assert.All(reports, r => Assert.Equal(((long)r.Trials, (long)r.Trials, r.Trials), (r.Done, r.Dispatches, r.Rows)));
        Assert.All(reports, r => Assert.True(r.MillisecondsPerTrial > 0));
        Assert.Contains("ms/trial at 300 / at 100", ControlPlaneReport.Table(reports));
    }
}
