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
/// which also keeps writes in result order. A duplicate result for a trial is ignored. report.html (plots) costs
/// more, so it is throttled: written at most once per interval, with a timer catching the last results, and on flush.
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
    private long lastReport;
    private bool reportPending;
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
            WriteReport(leaderboard.Ranked());
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ResultsSettings settings) => Akka.Actor.Props.Create(() => new ResultsActor(settings));

    protected override void PreStart()
    {
        journal = ResultsJournal.Create(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
        WriteReport(leaderboard.Ranked());
    }

    // A restart (a failed write) must not forget the results so far: they are all in the journal.
    protected override void PostRestart(Exception reason)
    {
        leaderboard = new Leaderboard(settings.Metric);
        foreach (var entry in ResultsJournal.Read(settings.Paths.ResultsJournal))
        {
            leaderboard.TryAdd(entry);
        }
        journal = ResultsJournal.Append(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
    }

    protected override void PostStop() => journal?.Dispose();

    private void OnRecord(RecordResult message)
    {
        if (!leaderboard.TryAdd(message.Entry))
        {
            log.Debug("Trial {TrialId} result ignored: already recorded", message.Entry.TrialId);
            return;
        }
        journal!.Write(message.Entry);
        if (settings.WriteMode == LeaderboardWriteMode.EveryResult)
        {
            writer.Write(leaderboard.Ranked());
            ReportSoon();
        }
    }

    private void OnFlush()
    {
        var rows = leaderboard.Ranked();
        writer.Write(rows);
        Timers.Cancel(ReportTimer);
        reportPending = false;
        WriteReport(rows);
        Sender.Tell(new LeaderboardSnapshot(rows));
    }

    private void ReportSoon()
    {
        if (reportPending)
        {
            return;
        }
        var wait = reportInterval - Stopwatch.GetElapsedTime(lastReport);
        if (wait <= TimeSpan.Zero)
        {
            WriteReport(leaderboard.Ranked());
            return;
        }
        reportPending = true;
        Timers.StartSingleTimer(ReportTimer, ReportDue.Instance, wait);
    }

    // The report is a convenience: a failure (e.g. the plotting library's native part missing) is logged once
    // and must not restart the actor that keeps the results.
    private void WriteReport(IReadOnlyList<RankedEntry> rows)
    {
        lastReport = Stopwatch.GetTimestamp();
        try
        {
            report.Write(rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!reportFailed)
            {
                log.Warning("report.html not written: {Reason}", e.Message);
            }
            reportFailed = true;
        }
    }

    private sealed record ReportDue
    {
        public static ReportDue Instance { get; } = new();
    }
}
