using System.Text.Json;

namespace SweepCluster.IntegrationTests;

/// <summary>One event of a node's CLEF log: its time, message template and properties.</summary>
internal sealed record ClefEvent(DateTimeOffset Time, string Template, JsonElement Properties)
{
    public string? Property(string name) =>
        Properties.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    public static IReadOnlyList<ClefEvent> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.GetFiles(folder, "*.clef").SelectMany(Read).OrderBy(e => e.Time)];
    }

    private static IEnumerable<ClefEvent> Read(string path)
    {
        // The node may be writing: share the file, and skip a line it has not finished.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var events = new List<ClefEvent>();
        while (reader.ReadLine() is { } line)
        {
            try
            {
                var root = JsonDocument.Parse(line).RootElement;
                events.Add(new ClefEvent(root.GetProperty("@t").GetDateTimeOffset(), root.GetProperty("@mt").GetString() ?? "", root));
            }
            catch (JsonException)
            {
                // a torn last line
            }
        }
        return events;
    }
}
