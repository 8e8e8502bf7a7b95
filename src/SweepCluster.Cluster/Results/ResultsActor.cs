using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Results;
using SweepCluster.Reporting;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Keeps a sweep's results ranked and its result files current: appends each new result to results.jsonl
/// and rewrites the leaderboard files atomically. The files are small and written on the actor's thread,
/// which also keeps writes in result order. A duplicate result for a trial is ignored. Each result is
/// acknowledged once it is on disk, so that the coordinator journals a trial as settled only after its line
/// exists: a crash in between leaves the line, and the resumed coordinator takes it as settled. report.html
/// (plots) costs more: it is rendered on a pool thread (one write at a time, piped back), at most once per
/// interval while results arrive, with a timer catching the last ones; a flush is answered once a report with
/// every result is written.
/// </summary>
public sealed class ResultsActor : ReceiveActor, IWithTimers
{
    private const string ReportTimer = "report";
    private readonly ResultsSettings settings;
    private readonly LeaderboardWriter writer;
    private readonly ReportWriter report;
    private readonly TimeSpan reportInterval;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private Leaderboard leaderboard;
    private ResultsJournal? journal;
    private readonly List<(IActorRef ReplyTo, IReadOnlyList<RankedEntry> Rows)> flushWaiters = [];
    private long lastReport;
    private bool reportPending;
    private bool reportRunning;
    private bool reportStale;
    private bool reportFailed;

    public ResultsActor(ResultsSettings settings)
    {
        this.settings = settings;
        writer = new LeaderboardWriter(settings.Paths, settings.SweptParameters);
        report = new ReportWriter(settings.Paths, settings.SweepName, settings.Metric, settings.SweptParameters);
        reportInterval = settings.ReportInterval ?? TimeSpan.FromSeconds(1);
        leaderboard = new Leaderboard(settings.Metric);
        Receive<RecordResult>(OnRecord);
        Receive<GetLeaderboard>(_ => Sender.Tell(new LeaderboardSnapshot(leaderboard.Ranked())));
        Receive<FlushLeaderboard>(_ => OnFlush());
        Receive<ReportDue>(_ =>
        {
            reportPending = false;
            StartReport();
        });
        Receive<ReportWritten>(OnReportWritten);
        Receive<GetRecordedTrials>(_ => Sender.Tell(new RecordedTrials(Recorded())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ResultsSettings settings) => Akka.Actor.Props.Create(() => new ResultsActor(settings));

    protected override void PreStart()
    {
        // Off the actor's thread: the first report then does not stall the results behind the plotting library's start-up.
        Task.Run(ReportWriter.WarmUp);
        if (settings.Resume && File.Exists(settings.Paths.ResultsJournal))
        {
            Reload();
            log.Info("Results: {Count} earlier results kept from {Path}", leaderboard.Count, settings.Paths.ResultsJournal);
            StartReport();
            return;
        }
        journal = ResultsJournal.Create(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
        StartReport();
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
                ReportSoon();
            }
        }
        Sender.Tell(new ResultRecorded(entry.Index, entry.Result.Status));
    }

    // The leaderboard files are written here while the report renders on another thread; the reply waits for both.
    private void OnFlush()
    {
        var rows = leaderboard.Ranked();
        Timers.Cancel(ReportTimer);
        reportPending = false;
        flushWaiters.Add((Sender, rows));
        StartReport();
        writer.Write(rows);
    }

    private void ReportSoon()
    {
        if (reportRunning)
        {
            reportStale = true;
            return;
        }
        if (reportPending)
        {
            return;
        }
        var wait = reportInterval - Stopwatch.GetElapsedTime(lastReport);
        if (wait <= TimeSpan.Zero)
        {
            StartReport();
            return;
        }
        reportPending = true;
        Timers.StartSingleTimer(ReportTimer, ReportDue.Instance, wait);
    }

    private void StartReport()
    {
        if (reportRunning)
        {
            reportStale = true;
            return;
        }
        reportRunning = true;
        reportStale = false;
        var rows = leaderboard.Ranked();
        var target = report;
        Task.Run(() => target.Write(rows)).PipeTo(Self, success: () => new ReportWritten(null), failure: e => new ReportWritten(e));
    }

    // A failed report (e.g. the plotting library's native part missing) is logged once and never restarts the actor
    // that keeps the results: the report is a convenience, the journal and leaderboard files are the record.
    private void OnReportWritten(ReportWritten message)
    {
        reportRunning = false;
        lastReport = Stopwatch.GetTimestamp();
        if (message.Error is { } error && !reportFailed)
        {
            reportFailed = true;
            log.Warning("report.html not written: {Reason}", error.GetBaseException().Message);
        }
        if (reportStale)
        {
            if (flushWaiters.Count > 0)
            {
                StartReport();
            }
            else
            {
                ReportSoon();
            }
            return;
        }
        foreach (var (replyTo, rows) in flushWaiters)
        {
            replyTo.Tell(new LeaderboardSnapshot(rows));
        }
        flushWaiters.Clear();
    }

    private sealed record ReportWritten(Exception? Error);

    private sealed record ReportDue
    {
        public static ReportDue Instance { get; } = new();
    }
}
