using System.Text;
using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// Writes <c>leaderboard.csv</c>, <c>leaderboard.md</c> and <c>leaderboard.json</c>, each replaced
/// atomically (see <see cref="AtomicFile"/>) so that a reader never sees a half-written file.
/// </summary>
public sealed class LeaderboardWriter
{
    private readonly LeaderboardColumns columns;

    public LeaderboardWriter(SweepOutputPaths paths, IReadOnlyList<string> sweptParameters)
    {
        Paths = paths;
        columns = new LeaderboardColumns(sweptParameters);
    }

    public SweepOutputPaths Paths { get; }

    public void Write(IReadOnlyList<RankedEntry> rows)
    {
        Directory.CreateDirectory(Paths.Directory);
        AtomicFile.WriteText(Paths.LeaderboardCsv, Csv(rows));
        AtomicFile.WriteText(Paths.LeaderboardMarkdown, LeaderboardTable.Markdown(rows, columns));
        AtomicFile.Write(Paths.LeaderboardJson, stream => WriteJson(stream, rows));
    }

    private string Csv(IReadOnlyList<RankedEntry> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Names.Select(CsvCell)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Cells(row).Select(CsvCell)).Append('\n');
        }
        return text.ToString();
    }

    private static string CsvCell(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";

    // Written field by field because the swept parameters are columns of their own (flat objects), and
    // because JSON has no NaN: a non-finite metric is written as null.
    private void WriteJson(Stream stream, IReadOnlyList<RankedEntry> rows)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            WriteJsonRow(json, row);
        }
        json.WriteEndArray();
    }

    private void WriteJsonRow(Utf8JsonWriter json, RankedEntry row)
    {
        var result = row.Entry.Result;
        var metrics = result.Metrics;
        json.WriteStartObject();
        if (row.Rank is { } rank)
        {
            json.WriteNumber("rank", rank);
        }
        else
        {
            json.WriteNull("rank");
        }
        json.WriteString("trial_id", result.TrialId);
        foreach (var parameter in columns.SweptParameters)
        {
            json.WriteString(parameter, row.Entry.SweptText(parameter));
        }
        json.WriteString("status", LeaderboardColumns.StatusText(result.Status));
        WriteNumber(json, "val_loss", metrics?.ValLoss);
        WriteNumber(json, "val_accuracy", metrics?.ValAccuracy);
        WriteNumber(json, "sparsity", metrics?.Sparsity);
        WriteNumber(json, "active_inputs", metrics?.ActiveInputs);
        WriteNumber(json, "l1_norm", metrics?.L1Norm);
        WriteNumber(json, "epochs_run", metrics?.EpochsRun);
        WriteNumber(json, "seconds", metrics?.Seconds);
        json.WriteString("worker", result.Worker);
        json.WriteString("device", result.Device);
        json.WriteString("node", result.Node);
        json.WriteString("failure", RetryPolicy.KindText(result.FailureKind));
        json.WriteString("reason", result.Reason);
        json.WriteEndObject();
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
}
