using System.Text;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// Reads the events appended to a set of CLEF files since the last call, merged across files by time.
/// Only complete lines are consumed: a line still being written stays in the file until its newline
/// arrives, unless <c>final</c> is set, when a torn last line is skipped and counted. Folders are
/// re-scanned on each call, so rolled files (<c>node_001.clef</c>) and new nodes' files are picked up.
/// </summary>
public sealed class LogTail(IReadOnlyList<string> paths)
{
    private readonly Dictionary<string, long> offsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lineNumbers = new(StringComparer.Ordinal);

    /// <summary>Lines that were not CLEF events (torn or foreign), skipped.</summary>
    public int UnreadableLines { get; private set; }

    public IReadOnlyList<string> Files { get; private set; } = [];

    public IReadOnlyList<LogEvent> ReadNew(bool final)
    {
        Files = LogFiles.Expand(paths);
        var events = new List<LogEvent>();
        foreach (var file in Files)
        {
            ReadFile(file, final, events);
        }
        events.Sort(CompareEvents);
        return events;
    }

    private static int CompareEvents(LogEvent x, LogEvent y)
    {
        var byTime = x.Timestamp.CompareTo(y.Timestamp);
        if (byTime != 0)
        {
            return byTime;
        }
        var bySource = string.CompareOrdinal(x.Source, y.Source);
        return bySource != 0 ? bySource : x.Line.CompareTo(y.Line);
    }

    private void ReadFile(string file, bool final, List<LogEvent> events)
    {
        var offset = offsets.GetValueOrDefault(file);
        byte[] bytes;
        try
        {
            // Serilog holds the file open for writing; share it both ways so that neither side blocks.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < offset)
            {
                offset = 0; // replaced by a new, shorter file
                lineNumbers[file] = 0;
            }
            stream.Seek(offset, SeekOrigin.Begin);
            bytes = new byte[stream.Length - offset];
            stream.ReadExactly(bytes);
        }
        catch (IOException)
        {
            return; // gone between the scan and the read (rotated away); its events were read before
        }
        var consumed = Consume(file, bytes, final, events);
        offsets[file] = offset + consumed;
    }

    private int Consume(string file, byte[] bytes, bool final, List<LogEvent> events)
    {
        var start = 0;
        var line = lineNumbers.GetValueOrDefault(file);
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0 && !final)
            {
                break; // still being written
            }
            var stop = end < 0 ? bytes.Length : end;
            line++;
            var text = Encoding.UTF8.GetString(bytes, start, stop - start).Trim();
            if (text.Length > 0)
            {
                if (ClefParser.TryParse(text, file, line) is { } parsed)
                {
                    events.Add(parsed);
                }
                else
                {
                    UnreadableLines++;
                }
            }
            start = end < 0 ? bytes.Length : end + 1;
        }
        lineNumbers[file] = line;
        return start;
    }
}
