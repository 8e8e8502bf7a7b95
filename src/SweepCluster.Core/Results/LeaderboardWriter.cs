using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// Writes <c>leaderboard.csv</c>, <c>leaderboard.md</c> and <c>leaderboard.json</c>, each replaced
/// atomically (see <see cref="AtomicFile"/>) so that a reader never sees a half-written file. The CSV and JSON are
/// data (<see cref="LeaderboardFields"/>: typed, full precision, every metric); the Markdown is for reading
/// (<see cref="LeaderboardColumns"/>: rounded). With <c>repeats</c> above 1 the rows are configurations, written by
/// <see cref="RepeatFields"/> and <see cref="RepeatColumns"/>. With several objectives every file gains
/// <see cref="ParetoColumns"/> after rank.
/// </summary>
public sealed class LeaderboardWriter
{
    private readonly IReadOnlyList<string> columnNames;
    private readonly Func<RankedEntry, IReadOnlyList<string>> cells;
    private readonly IReadOnlyList<string> fieldNames;
    private readonly Func<RankedEntry, IReadOnlyList<object?>> fieldValues;

    /// <param name="repeats">The sweep's repeats; above 1, <paramref name="rankingMetric"/> names the metric ranked by (given with its spread).</param>
    /// <param name="objectives">How many objectives the sweep has; above 1 the files gain pareto_rank and crowding.</param>
    public LeaderboardWriter(SweepOutputPaths paths, IReadOnlyList<string> sweptParameters, Sweeps.SweepTask task = Sweeps.SweepTask.Classification,
        int repeats = 1, string rankingMetric = MetricTable.Default, int objectives = 1)
    {
        Paths = paths;
        if (repeats > 1)
        {
            var (columns, fields) = (new RepeatColumns(sweptParameters, rankingMetric, task), new RepeatFields(sweptParameters, rankingMetric, task));
            (columnNames, cells, fieldNames, fieldValues) = (columns.Names, columns.Cells, fields.Names, fields.Values);
        }
        else
        {
            var (columns, fields) = (new LeaderboardColumns(sweptParameters, task), new LeaderboardFields(sweptParameters, task));
            (columnNames, cells, fieldNames, fieldValues) = (columns.Names, columns.Cells, fields.Names, fields.Values);
        }
        if (objectives > 1)
        {
            (columnNames, cells) = (ParetoColumns.Names(columnNames), ParetoColumns.Cells(cells));
            (fieldNames, fieldValues) = (ParetoColumns.Names(fieldNames), ParetoColumns.Values(fieldValues));
        }
    }

    public SweepOutputPaths Paths { get; }

    public void Write(IReadOnlyList<RankedEntry> rows)
    {
        Directory.CreateDirectory(Paths.Directory);
        // Streamed row by row: at 10^5 trials a whole-file string would be the run's largest allocation.
        AtomicFile.Write(Paths.LeaderboardCsv, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            WriteCsv(writer, rows);
        });
        AtomicFile.Write(Paths.LeaderboardMarkdown, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            LeaderboardTable.WriteMarkdown(writer, rows, columnNames, cells);
        });
        AtomicFile.Write(Paths.LeaderboardJson, stream => WriteJson(stream, rows));
    }

    private void WriteCsv(TextWriter text, IReadOnlyList<RankedEntry> rows)
    {
        text.Write(string.Join(',', fieldNames.Select(CsvCell)));
        text.Write('\n');
        foreach (var row in rows)
        {
            text.Write(string.Join(',', fieldValues(row).Select(value => CsvCell(CsvText(value)))));
            text.Write('\n');
        }
    }

    /// <summary>
    /// Invariant culture, no thousands separators, doubles in their shortest round-trip form (e.g. <c>1E-05</c>);
    /// booleans <c>true</c>/<c>false</c>; lists as JSON arrays (<c>[64, 32]</c>, <c>["x0", "x3"]</c>, quoted by the CSV rules);
    /// missing empty.
    /// </summary>
    private static string CsvText(object? value) => value switch
    {
        null => "",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IReadOnlyList<int> list => $"[{string.Join(", ", list.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]",
        IReadOnlyList<double> list => $"[{string.Join(", ", list.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]",
        IReadOnlyList<string> list => $"[{string.Join(", ", list.Select(v => JsonSerializer.Serialize(v)))}]",
        _ => value.ToString() ?? "",
    };

    private static string CsvCell(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";

    // Written field by field because the swept parameters are fields of their own (flat objects).
    private void WriteJson(Stream stream, IReadOnlyList<RankedEntry> rows)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            var values = fieldValues(row);
            for (var i = 0; i < values.Count; i++)
            {
                json.WritePropertyName(fieldNames[i]);
                WriteJsonValue(json, values[i]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case long integer:
                json.WriteNumberValue(integer);
                break;
            case double real:
                json.WriteNumberValue(real);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case IReadOnlyList<int> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    json.WriteNumberValue(item);
                }
                json.WriteEndArray();
                break;
            case IReadOnlyList<double> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    json.WriteNumberValue(item);
                }
                json.WriteEndArray();
                break;
            case IReadOnlyList<string> list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
