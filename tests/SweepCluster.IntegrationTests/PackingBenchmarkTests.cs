using System.Text.Json;

namespace SweepCluster.IntegrationTests;

/// <summary><c>bench packing</c> as a user runs it: the built CLI in its own process.</summary>
[Collection(ProcessCollection.Name)]
public sealed class PackingBenchmarkTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [CpuOnlyCliFact]
    public async Task Json_report_has_the_device_the_matmul_rate_and_a_row_per_batch_and_pack_size()
    {
        // given a tiny benchmark (two batch sizes, two pack sizes, one timed step each)
        using var bench = NodeProcess.Start("bench", ["bench", "packing", "--batches", "8,16", "--ks", "1,2", "--steps", "1", "--warmup", "0", "--json"]);

        // then it prints the schema the README documents, every row with its speedup over K = 1 at the same batch
        Assert.True(await bench.WaitForExitAsync(Bound) == 0, bench.Output);
        var json = bench.Output.Split('\n').Last(line => line.TrimStart().StartsWith('{'));
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal("cpu", report.GetProperty("device").GetString());
        Assert.True(report.GetProperty("matmul_gflops").GetDouble() > 0);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([(8, 1), (8, 2), (16, 1), (16, 2)], rows.Select(r => (r.GetProperty("batch").GetInt32(), r.GetProperty("k").GetInt32())));
        Assert.All(rows, r => Assert.True(r.GetProperty("trial_samples_per_s").GetDouble() > 0));
        Assert.All(rows.Where(r => r.GetProperty("k").GetInt32() == 1), r => Assert.Equal(1.0, r.GetProperty("speedup").GetDouble(), 6));
    }

    [CpuOnlyCliFact]
    public async Task A_device_that_is_not_there_is_bad_input_in_one_line()
    {
        using var bench = NodeProcess.Start("bench", ["bench", "packing", "--device", "cuda", "--steps", "1"]);

        Assert.Equal(2, await bench.WaitForExitAsync(Bound));
        Assert.Contains("bench packing: --devices cuda: CUDA is not available", bench.Output);
        Assert.DoesNotContain("   at ", bench.Output);
    }
}
