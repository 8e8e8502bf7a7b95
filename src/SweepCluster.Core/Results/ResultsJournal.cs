using System.Text;
using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// <c>results.jsonl</c>: one <see cref="LeaderboardEntry"/> per line, appended as trials finish and flushed
/// line by line, so that a crash loses at most the line being written. <see cref="Read"/> tolerates that
/// torn last line; a bad line anywhere else is an error.
/// </summary>
public sealed class ResultsJournal : IDisposable
{
    private readonly StreamWriter writer;

    private ResultsJournal(StreamWriter writer) => this.writer = writer;

    /// <summary>Starts a new journal at <paramref name="path"/>, replacing any earlier one.</summary>
    public static ResultsJournal Create(string path) => Open(path, FileMode.Create);

    /// <summary>Opens <paramref name="path"/> to append to it (a resumed sweep), creating it if needed.</summary>
    public static ResultsJournal Append(string path) => Open(path, FileMode.Append);

    /// <summary>Replaces <paramref name="path"/> atomically with exactly these entries (a reader sees old or new, never a mix).</summary>
    public static void Rewrite(string path, IEnumerable<LeaderboardEntry> entries) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            foreach (var entry in entries)
            {
                writer.Write(JsonSerializer.Serialize(entry, ResultsJson.Options));
                writer.Write('\n');
            }
        });

    public void Write(LeaderboardEntry entry)
    {
        writer.Write(JsonSerializer.Serialize(entry, ResultsJson.Options));
        writer.Write('\n');
        writer.Flush();
    }

    public static IReadOnlyList<LeaderboardEntry> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var last = Array.FindLastIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        var entries = new List<LeaderboardEntry>();
        for (var i = 0; i <= last; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var entry = TryParse(lines[i], out var error);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else if (i != last)
            {
                throw new InvalidDataException($"{path}:{i + 1}: not a result line: {error}");
            }
        }
        return entries;
    }

    public void Dispose() => writer.Dispose();

    private static ResultsJournal Open(string path, FileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, mode, FileAccess.Write, FileShare.Read);
        return new ResultsJournal(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
    }

    private static LeaderboardEntry? TryParse(string line, out string error)
    {
        try
        {
            error = "";
            var entry = JsonSerializer.Deserialize<LeaderboardEntry>(line, ResultsJson.Options);
            if (entry?.Result?.TrialId is null)
            {
                error = "no result";
                return null;
            }
            return entry;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}
