using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Keeps a sweep's results ranked and its result files current: appends each new result to results.jsonl
/// and rewrites the leaderboard files atomically. The files are small and written on the actor's thread,
/// which also keeps writes in result order. A duplicate result for a trial is ignored. Each result is
/// acknowledged once it is on disk, so that the coordinator journals a trial as settled only after its line
/// exists: a crash in between leaves the line, and the resumed coordinator takes it as settled.
/// </summary>
public sealed class ResultsActor : ReceiveActor
{
    private readonly ResultsSettings settings;
    private readonly LeaderboardWriter writer;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private Leaderboard leaderboard;
    private ResultsJournal? journal;

    public ResultsActor(ResultsSettings settings)
    {
        this.settings = settings;
        writer = new LeaderboardWriter(settings.Paths, settings.SweptParameters);
        leaderboard = new Leaderboard(settings.Metric);
        Receive<RecordResult>(OnRecord);
        Receive<GetLeaderboard>(_ => Sender.Tell(new LeaderboardSnapshot(leaderboard.Ranked())));
        Receive<FlushLeaderboard>(_ => OnFlush());
        Receive<GetRecordedTrials>(_ => Sender.Tell(new RecordedTrials(Recorded())));
    }

    public static Props Props(ResultsSettings settings) => Akka.Actor.Props.Create(() => new ResultsActor(settings));

    protected override void PreStart()
    {
        if (settings.Resume && File.Exists(settings.Paths.ResultsJournal))
        {
            Reload();
            log.Info("Results: {Count} earlier results kept from {Path}", leaderboard.Count, settings.Paths.ResultsJournal);
            return;
        }
        journal = ResultsJournal.Create(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
    }

    // A restart (a failed write) must not forget the results so far: they are all in the journal.
    protected override void PostRestart(Exception reason) => Reload();

    /// <summary>
    /// Reads results.jsonl back and rewrites it cleanly (atomically), dropping a line torn by a crash, so that
    /// appending goes on after the last whole line.
    /// </summary>
    private void Reload()
    {
        leaderboard = new Leaderboard(settings.Metric);
        var entries = ResultsJournal.Read(settings.Paths.ResultsJournal);
        foreach (var entry in entries)
        {
            leaderboard.TryAdd(entry);
        }
        ResultsJournal.Rewrite(settings.Paths.ResultsJournal, entries);
        journal = ResultsJournal.Append(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
    }

    private List<ResultRecorded> Recorded() =>
        [.. leaderboard.Ranked().Select(row => new ResultRecorded(row.Entry.Index, row.Entry.Result.Status))];

    protected override void PostStop() => journal?.Dispose();

    private void OnRecord(RecordResult message)
    {
        var entry = message.Entry;
        if (!leaderboard.TryAdd(entry))
        {
            log.Debug("Trial {TrialId} result ignored: already recorded", entry.TrialId);
        }
        else
        {
            journal!.Write(entry);
            if (settings.WriteMode == LeaderboardWriteMode.EveryResult)
            {
                writer.Write(leaderboard.Ranked());
            }
        }
        Sender.Tell(new ResultRecorded(entry.Index, entry.Result.Status));
    }

    private void OnFlush()
    {
        var rows = leaderboard.Ranked();
        writer.Write(rows);
        Sender.Tell(new LeaderboardSnapshot(rows));
    }
}
