using System.Text.Json;
using System.Text.Json.Nodes;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Core.Tests.Monitoring;

public class KeptInputsMonitorTests
{
    [Fact]
    public void The_best_trial_shows_the_inputs_and_neurons_it_kept()
    {
        // given a sweep whose best trial's result event names its active inputs and neurons, and a worse one from older logs
        var monitor = new SweepMonitor();
        monitor.ApplyAll(
        [
            Event(1, EventTemplates.SweepStarted, new() { ["SweepId"] = "s", ["Total"] = 2, ["MaxAttempts"] = 1, ["Metric"] = "val_loss", ["Goal"] = "minimize" }),
            Event(2, EventTemplates.TrialResult, Result("s-0", 0.3, new JsonObject
            {
                ["ActiveInputs"] = 4,
                ["ActiveInputNames"] = new JsonArray("x0", "x1", "x2", "x3"),
                ["ActiveNeurons"] = new JsonArray(12, 5),
            })),
            Event(3, EventTemplates.TrialFinished, new() { ["TrialId"] = "s-0", ["ValLoss"] = 0.3, ["Sparsity"] = 0.8 }),
            Event(4, EventTemplates.TrialResult, Result("s-1", 0.5, new JsonObject { ["ActiveInputs"] = 40 })),
            Event(5, EventTemplates.TrialFinished, new() { ["TrialId"] = "s-1", ["ValLoss"] = 0.5, ["Sparsity"] = 0.1 }),
        ]);

        // when a snapshot is taken and written as JSON
        var snapshot = monitor.Snapshot();
        using var json = JsonDocument.Parse(MonitorJson.Write(snapshot, []));

        // then the best trial carries the count, the names and the neurons per hidden layer
        var best = Assert.IsType<BestTrial>(snapshot.Best);
        Assert.Equal(("s-0", 4), (best.TrialId, best.ActiveInputs));
        Assert.Equal(["x0", "x1", "x2", "x3"], best.ActiveInputNames);
        Assert.Equal([12, 5], best.ActiveNeurons);
        var written = json.RootElement.GetProperty("best");
        Assert.Equal(4, written.GetProperty("active_inputs").GetInt32());
        Assert.Equal(["x0", "x1", "x2", "x3"], written.GetProperty("active_input_names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([12, 5], written.GetProperty("active_neurons").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public void Logs_from_before_the_names_give_nulls()
    {
        var monitor = new SweepMonitor();
        monitor.ApplyAll(
        [
            Event(1, EventTemplates.SweepStarted, new() { ["SweepId"] = "s", ["Total"] = 1, ["MaxAttempts"] = 1 }),
            Event(2, EventTemplates.TrialFinished, new() { ["TrialId"] = "s-0", ["ValLoss"] = 0.3, ["Sparsity"] = 0.8 }),
        ]);

        using var json = JsonDocument.Parse(MonitorJson.Write(monitor.Snapshot(), []));

        var best = json.RootElement.GetProperty("best");
        Assert.Equal(JsonValueKind.Null, best.GetProperty("active_inputs").ValueKind);
        Assert.Equal(JsonValueKind.Null, best.GetProperty("active_input_names").ValueKind);
        Assert.Equal(JsonValueKind.Null, best.GetProperty("active_neurons").ValueKind);
    }

    private static JsonObject Result(string trialId, double valLoss, JsonObject extra)
    {
        var properties = new JsonObject { ["TrialId"] = trialId, ["Worker"] = "w", ["Status"] = "completed", ["ValLoss"] = valLoss };
        foreach (var (name, value) in extra.ToList())
        {
            extra.Remove(name);
            properties[name] = value;
        }
        return properties;
    }

    /// <summary>An event as the CLEF reader gives it: properties parsed from JSON text.</summary>
    private static LogEvent Event(int second, string template, JsonObject properties) =>
        new(DateTimeOffset.UnixEpoch.AddSeconds(second), template, "Information", JsonNode.Parse(properties.ToJsonString())!.AsObject(), "test", second);
}
