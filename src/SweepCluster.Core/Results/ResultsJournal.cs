using System.Text;
using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// <c>results.jsonl</c>: one <see cref="LeaderboardEntry"/> per line, appended as trials finish. Each
/// <see cref="Write(IReadOnlyList{LeaderboardEntry})"/> is on disk (fsync) when it returns, so a crash loses at most the
/// lines being written; several entries in one call share one fsync (group commit). <see cref="Read"/> tolerates a
/// torn last line; a bad line anywhere else is an error. <see cref="Recover"/> also cuts a torn line off the file,
/// keeping every whole line byte for byte (a resumed sweep appends after them).
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

    /// <summary>
    /// Reads <paramref name="path"/> for a resumed sweep and leaves it ready to append to: every whole line stays as it
    /// is, byte for byte; a torn last line (no valid entry, nothing after it) is cut off, and a last line without its
    /// newline gets one. Either repair replaces the file atomically. A bad line before the last is an error
    /// (<see cref="InvalidDataException"/> naming the file and line): a person, not a crash, wrote it.
    /// </summary>
    public static ResultsRecovery Recover(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var entries = new List<LeaderboardEntry>();
        var kept = 0;
        var line = 0;
        int? torn = null;
        while (kept < bytes.Length)
        {
            line++;
            var newline = Array.IndexOf(bytes, (byte)'\n', kept);
            var end = newline < 0 ? bytes.Length : newline;
            var next = newline < 0 ? bytes.Length : newline + 1;
            var text = Encoding.UTF8.GetString(bytes, kept, end - kept);
            if (!string.IsNullOrWhiteSpace(text))
            {
                if (TryParse(text, out var error) is not { } entry)
                {
                    if (HasText(bytes, next))
                    {
                        throw new InvalidDataException($"{path}:{line}: not a result line: {error}");
                    }
                    torn = line;
                    break;
                }
                entries.Add(entry);
            }
            kept = next;
        }
        var unterminated = kept > 0 && bytes[kept - 1] != (byte)'\n';
        if (torn is not null || unterminated)
        {
            AtomicFile.Write(path, stream =>
            {
                stream.Write(bytes, 0, kept);
                if (unterminated)
                {
                    stream.WriteByte((byte)'\n');
                }
            });
        }
        return new ResultsRecovery(entries, torn);
    }

    public void Dispose() => writer.Dispose();

    private static bool HasText(byte[] bytes, int from) =>
        !string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes, from, bytes.Length - from));

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
