using System.Text;
using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// <c>results.jsonl</c>: one <see cref="LeaderboardEntry"/> per line, appended as trials finish. Each
/// <see cref="Write(IReadOnlyList{LeaderboardEntry})"/> is on disk (fsync) when it returns, so a crash loses at most the
/// lines being written; several entries in one call share one fsync (group commit). <see cref="Read"/> tolerates a
/// torn last line; a bad line anywhere else is an error.
/// </summary>
public sealed class ResultsJournal : IDisposable
{
    private readonly FileStream stream;
    private readonly StreamWriter writer;

    private ResultsJournal(FileStream stream)
    {
        this.stream = stream;
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

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

    public void Write(LeaderboardEntry entry) => Write([entry]);

    /// <summary>Appends the entries, one line each, and returns once they are durable (one fsync for all).</summary>
    public void Write(IReadOnlyList<LeaderboardEntry> entries)
    {
        foreach (var entry in entries)
        {
            writer.Write(JsonSerializer.Serialize(entry, ResultsJson.Options));
            writer.Write('\n');
        }
        writer.Flush();
        stream.Flush(flushToDisk: true);
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
        return new ResultsJournal(new FileStream(path, mode, FileAccess.Write, FileShare.Read));
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
