using System.Text;
using System.Text.Json;
using SweepCluster.Core.Results;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// <c>monitor --json</c>: a snapshot as one JSON object with snake_case fields (the schema is in the README).
/// Written field by field so that the schema is explicit here and non-finite numbers become null; the snapshot's
/// enums become their names here.
/// </summary>
public static class MonitorJson
{
    public const int SchemaVersion = 1;

    public static string Write(MonitorSnapshot snapshot, IReadOnlyList<string> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", SchemaVersion);
            json.WriteString("sweep_id", snapshot.SweepId);
            json.WriteString("state", SweepStateText.Of(snapshot.State));
            WriteTime(json, "started_at", snapshot.StartedAt);
            WriteTime(json, "at", snapshot.At);
            WriteNumber(json, "total", snapshot.Total);
            json.WriteNumber("done", snapshot.Done);
            json.WriteNumber("stopped_early", snapshot.StoppedEarly);
            json.WriteNumber("kept", snapshot.Kept);
            json.WriteNumber("running", snapshot.Running);
            json.WriteNumber("queued", snapshot.Queued);
            json.WriteNumber("failed", snapshot.Failed);
            json.WriteStartObject("metric");
            json.WriteString("name", snapshot.Metric);
            json.WriteString("goal", snapshot.Goal.ToString().ToLowerInvariant());
            json.WriteEndObject();
            WriteBest(json, snapshot.Best);
            WriteImportance(json, snapshot.Importance);
            WriteFront(json, snapshot.Front);
            WriteWorkers(json, snapshot.Workers);
            WriteFailures(json, snapshot.RecentFailures);
            WriteNumber(json, "eta_seconds", snapshot.Eta?.TotalSeconds);
            WriteNumber(json, "trials_per_minute", snapshot.TrialsPerMinute);
            json.WriteNumber("events_read", snapshot.EventsRead);
            json.WriteNumber("unreadable_lines", snapshot.UnreadableLines);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStringValue(file);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteBest(Utf8JsonWriter json, BestTrial? best)
    {
        if (best is null)
        {
            json.WriteNull("best");
            return;
        }
        json.WriteStartObject("best");
        json.WriteString("trial_id", best.TrialId);
        json.WriteString("metric", best.Metric);
        WriteNumber(json, "value", best.Value);
        WriteNumber(json, "val_loss", best.ValLoss);
        WriteNumber(json, "sparsity", best.Sparsity);
        json.WriteString("worker", best.Worker);
        json.WriteString("device", best.Device);
        json.WriteString("node", best.Node);
        WriteNumber(json, "active_inputs", best.ActiveInputs);
        WriteList(json, "active_input_names", best.ActiveInputNames, json.WriteStringValue);
        WriteList(json, "active_neurons", best.ActiveNeurons, json.WriteNumberValue);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in best.Parameters)
        {
            json.WriteString(name, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A multi-objective sweep's front; absent (not null) for one objective, so that its output stays as it was.</summary>
    private static void WriteFront(Utf8JsonWriter json, FrontView? front)
    {
        if (front is null)
        {
            return;
        }
        json.WriteStartObject("pareto");
        json.WriteStartArray("objectives");
        foreach (var objective in front.Objectives)
        {
            json.WriteStartObject();
            json.WriteString("name", objective.Name);
            json.WriteString("goal", objective.Goal.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("front_size", front.Size);
        json.WriteNumber("ranked", front.Ranked);
        WriteNumber(json, "hypervolume", front.Hypervolume);
        json.WriteStartArray("reference");
        foreach (var value in front.Reference)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
        json.WriteString("reference_from", front.ReferenceGiven ? "sweep_file" : "worst_plus_10_percent");
        json.WriteEndObject();
    }

    private static void WriteImportance(Utf8JsonWriter json, Analysis.ImportanceResult? importance)
    {
        if (importance is null)
        {
            json.WriteNull("importance");
            return;
        }
        json.WriteStartArray("importance");
        foreach (var (parameter, share) in importance.Ranked)
        {
            json.WriteStartObject();
            json.WriteString("parameter", parameter);
            WriteNumber(json, "importance", share);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteWorkers(Utf8JsonWriter json, IReadOnlyList<WorkerView> workers)
    {
        json.WriteStartArray("workers");
        foreach (var worker in workers)
        {
            json.WriteStartObject();
            json.WriteString("worker", worker.Worker);
            json.WriteString("node", worker.Node);
            json.WriteString("device", worker.Device);
            json.WriteString("trial_id", worker.TrialId);
            WriteNumber(json, "epoch", worker.Epoch);
            WriteNumber(json, "epochs", worker.Epochs);
            json.WriteNumber("trials_finished", worker.TrialsFinished);
            WriteNumber(json, "trials_per_minute", worker.TrialsPerMinute);
            WriteNumber(json, "samples_per_second", worker.SamplesPerSecond);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFailures(Utf8JsonWriter json, IReadOnlyList<FailureView> failures)
    {
        json.WriteStartArray("recent_failures");
        foreach (var failure in failures)
        {
            json.WriteStartObject();
            WriteTime(json, "time", failure.Time);
            json.WriteString("trial_id", failure.TrialId);
            json.WriteString("worker", failure.Worker);
            json.WriteString("kind", TrialStatusText.Of(failure.Kind));
            WriteNumber(json, "attempt", failure.Attempt);
            WriteNumber(json, "max_attempts", failure.MaxAttempts);
            json.WriteString("reason", failure.Reason);
            json.WriteBoolean("final", failure.Final);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, t.ToUniversalTime().ToString("O"));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteList<T>(Utf8JsonWriter json, string name, IReadOnlyList<T>? values, Action<T> write)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            write(value);
        }
        json.WriteEndArray();
    }
}
