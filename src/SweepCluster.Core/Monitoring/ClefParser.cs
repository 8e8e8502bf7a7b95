using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweepCluster.Core.Monitoring;

/// <summary>Parses one line of a CLEF file (Serilog's compact JSON: <c>@t</c>, <c>@mt</c>, <c>@l</c>, properties).</summary>
public static class ClefParser
{
    /// <summary>The event on <paramref name="line"/>, or null when it is not a CLEF object (e.g. a torn line).</summary>
    public static LogEvent? TryParse(string line, string source, long lineNumber)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (json is null || !TryTimestamp(json, out var timestamp))
        {
            return null;
        }
        var template = Text(json, "@mt") ?? Text(json, "@m") ?? "";
        var level = Text(json, "@l") ?? "Information";
        return new LogEvent(timestamp, template, level, json, source, lineNumber);
    }

    private static bool TryTimestamp(JsonObject json, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return Text(json, "@t") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
