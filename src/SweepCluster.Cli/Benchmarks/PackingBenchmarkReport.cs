using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>The figures of one <c>bench packing</c> run, as a text table or as JSON (snake_case keys).</summary>
public sealed record PackingBenchmarkReport(string Device, double MatmulGflops, IReadOnlyList<PackingBenchmarkRow> Rows)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"device {Device}: fp32 matmul {MatmulGflops:F1} GFLOP/s");
        text.AppendLine(" batch     K   trial-samples/s   speedup");
        foreach (var row in Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Batch,6} {row.K,5} {row.TrialSamplesPerS,17:F0} {row.Speedup,8:F2}x");
        }
        return text.ToString();
    }
}
