using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// One CLEF event: its time (<c>@t</c>), message template (<c>@mt</c>), level (<c>@l</c>, absent for
/// Information) and properties. <paramref name="Source"/> and <paramref name="Line"/> say where it was read,
/// and break ties between events of the same instant so that merging stays deterministic.
/// </summary>
public sealed record LogEvent(DateTimeOffset Timestamp, string Template, string Level, JsonObject Properties, string Source, long Line)
{
    public string? Text(string name) => Properties[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public double? Number(string name)
    {
        if (Properties[name] is not JsonValue value)
        {
            return null;
        }
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.GetValue<double>();
        }
        // Serilog writes NaN and infinities as strings ("NaN"), since JSON has no literal for them.
        return value.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public long? Integer(string name) => Number(name) is { } number ? (long)number : null;

    /// <summary>A list property (such as the active input names) as texts; null when absent or not a list.</summary>
    public IReadOnlyList<string>? Texts(string name) => Properties[name] is JsonArray list
        ? list.Select(item => item is JsonValue v && v.TryGetValue<string>(out var text) ? text : item?.ToJsonString() ?? "").ToList()
        : null;

    /// <summary>A list property of whole numbers (such as the active neurons per layer); null when absent or not such a list.</summary>
    public IReadOnlyList<int>? Integers(string name)
    {
        if (Properties[name] is not JsonArray list)
        {
            return null;
        }
        var values = new List<int>(list.Count);
        foreach (var item in list)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            {
                return null;
            }
            values.Add((int)value.GetValue<double>());
        }
        return values;
    }

    /// <summary>A structured property (a dictionary such as the swept parameters) as name → text.</summary>
    public IReadOnlyDictionary<string, string> Map(string name)
    {
        if (Properties[name] is not JsonObject map)
        {
            return new Dictionary<string, string>();
        }
        return map.ToDictionary(pair => pair.Key, pair => pair.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : pair.Value?.ToJsonString() ?? "");
    }
}
