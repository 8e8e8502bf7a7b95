using System.Text.Json;

namespace SweepCluster.IntegrationTests;

/// <summary>One line of results.jsonl, as the resume tests compare them.</summary>
internal sealed record RecordedTrial(string TrialId, string Status, int? EpochsRun, string SweptValues, double? ValLoss)
{
    public static RecordedTrial Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        var result = root.GetProperty("result");
        var metrics = result.GetProperty("metrics");
        var swept = string.Join(", ", root.GetProperty("swept_values").EnumerateArray()
            .Select(v => $"{v.GetProperty("name").GetString()}={v.GetProperty("text").GetString()}"));
        return new RecordedTrial(result.GetProperty("trial_id").GetString()!, result.GetProperty("status").GetString()!,
            metrics.ValueKind == JsonValueKind.Object ? metrics.GetProperty("epochs_run").GetInt32() : null, swept,
            metrics.ValueKind == JsonValueKind.Object && metrics.GetProperty("val_loss").ValueKind == JsonValueKind.Number
                ? metrics.GetProperty("val_loss").GetDouble() : null);
    }
}
