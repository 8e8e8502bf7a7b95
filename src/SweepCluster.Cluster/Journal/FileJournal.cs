using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace SweepCluster.Cluster.Journal;

/// <summary>
/// An event journal in one append-only file of JSON lines, for a sweep run in one process (<c>run</c>): it starts in
/// milliseconds, where the SQL journal's first use costs a fixed part of a second on every sweep. The file is read once,
/// at the first request, into memory; each batch of writes is appended and flushed to disk (fsync) before it is
/// acknowledged, so a settled trial survives kill -9 as it does in SQLite. A torn last line (a crash mid-write) is
/// cut off; a damaged line before it fails the recovery with the file and line. One process owns the file; the cluster
/// coordinator, whose journal may be shared, keeps SQLite or PostgreSQL. Runs on the persistence plugin dispatcher
/// (blocking I/O stays off the default dispatcher); every method completes synchronously, so calls never overlap.
/// </summary>
public sealed class FileJournal : AsyncWriteJournal
{
    // Akka's convention for "every write succeeded".
    private static readonly IImmutableList<Exception?>? AllWritten = null;

    private readonly string path;
    private readonly Akka.Serialization.Serialization serialization;
    private readonly Dictionary<string, List<JournalLine>> events = [];
    private readonly Dictionary<string, long> deletedTo = [];
    private FileStream? appender;

    public FileJournal(Config config)
    {
        path = config.GetString("path") is { Length: > 0 } configured
            ? configured
            : throw new ConfigurationException("sweepcluster.file-journal.path is not set");
        serialization = Context.System.Serialization;
    }

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken) =>
        Completed(() => Write(messages)!);

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        Completed(() => Delete(persistenceId, toSequenceNr));

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        Action<IPersistentRepresentation> recoveryCallback) =>
        Completed(() => Replay(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback));

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Completed(() => HighestSequenceNr(persistenceId));

    protected override void PostStop()
    {
        appender?.Dispose();
        base.PostStop();
    }

    /// <summary>The work done now; a failure (a damaged file, a full disk) becomes a failed task, which Akka reports to the actor.</summary>
    private static Task<T> Completed<T>(Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private static Task Completed(Action work) => Completed(() => { work(); return true; });

    private IImmutableList<Exception?>? Write(IEnumerable<AtomicWrite> messages)
    {
        var file = Open();
        var written = new List<JournalLine>();
        var text = new StringBuilder();
        foreach (var write in messages)
        {
            foreach (var persistent in (IImmutableList<IPersistentRepresentation>)write.Payload)
            {
                var line = LineOf(persistent);
                written.Add(line);
                text.Append(JsonSerializer.Serialize(line)).Append('\n');
            }
        }
        file.Write(Encoding.UTF8.GetBytes(text.ToString()));
        file.Flush(flushToDisk: true);
        written.ForEach(Remember);
        return AllWritten;
    }

    private void Delete(string persistenceId, long toSequenceNr)
    {
        var file = Open();
        var line = new JournalLine(persistenceId, DeletedTo: toSequenceNr);
        file.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line) + "\n"));
        file.Flush(flushToDisk: true);
        Remember(line);
    }

    private void Replay(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        Open();
        var from = Math.Max(fromSequenceNr, deletedTo.GetValueOrDefault(persistenceId) + 1);
        var replayed = 0L;
        foreach (var line in events.GetValueOrDefault(persistenceId) ?? [])
        {
            if (replayed >= max || line.SequenceNr > toSequenceNr)
            {
                break;
            }
            if (line.SequenceNr >= from)
            {
                var payload = serialization.Deserialize(Convert.FromBase64String(line.Payload), line.SerializerId, line.Manifest);
                recoveryCallback(new Persistent(payload, line.SequenceNr, persistenceId, line.Manifest, false, ActorRefs.NoSender, line.WriterGuid));
                replayed++;
            }
        }
    }

    private long HighestSequenceNr(string persistenceId)
    {
        Open();
        var highest = events.GetValueOrDefault(persistenceId) is { Count: > 0 } lines ? lines[^1].SequenceNr : 0;
        return Math.Max(highest, deletedTo.GetValueOrDefault(persistenceId));
    }

    private JournalLine LineOf(IPersistentRepresentation persistent)
    {
        var serializer = serialization.FindSerializerFor(persistent.Payload);
        return new JournalLine(persistent.PersistenceId, persistent.SequenceNr, serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, persistent.Payload),
            Convert.ToBase64String(serializer.ToBinary(persistent.Payload)), persistent.WriterGuid);
    }

    private void Remember(JournalLine line)
    {
        if (line.DeletedTo > 0)
        {
            deletedTo[line.PersistenceId] = Math.Max(deletedTo.GetValueOrDefault(line.PersistenceId), line.DeletedTo);
            return;
        }
        if (!events.TryGetValue(line.PersistenceId, out var lines))
        {
            events[line.PersistenceId] = lines = [];
        }
        lines.Add(line);
    }

    /// <summary>The file, opened for appending after its lines have been read (once).</summary>
    private FileStream Open()
    {
        if (appender is not null)
        {
            return appender;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var intact = File.Exists(path) ? Load() : 0;
        appender = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        appender.SetLength(intact);
        appender.Seek(intact, SeekOrigin.Begin);
        return appender;
    }

    /// <summary>
    /// Reads every line into memory; returns the length of the intact part. A last line without its newline was torn by
    /// a crash before its write was acknowledged, so it is not part of it.
    /// </summary>
    private long Load()
    {
        var bytes = File.ReadAllBytes(path);
        var (start, number) = (0, 0);
        for (var end = Array.IndexOf(bytes, (byte)'\n'); end >= 0; end = Array.IndexOf(bytes, (byte)'\n', start))
        {
            number++;
            var line = Parse(bytes.AsSpan(start, end - start))
                ?? throw new JournalDamagedException($"{path}:{number}: not a journal record; the journal is damaged (move it aside to start the sweep's bookkeeping over)");
            Remember(line);
            start = end + 1;
        }
        return start;
    }

    private static JournalLine? Parse(ReadOnlySpan<byte> text)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalLine>(text) is { PersistenceId.Length: > 0 } line ? line : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
