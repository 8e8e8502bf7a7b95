using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Results;
using SweepCluster.Core.Search;
using SweepCluster.Models;
using SweepCluster.Reporting;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Keeps a sweep's results ranked and its result files current, at a cost per result that stays flat at 10⁵ results.
/// results.jsonl is the record: new results are appended and fsync'd on a pool thread, one write at a time, and the
/// results that arrive meanwhile go together in the next write (group commit: one fsync for many). A result is ranked
/// at once but acknowledged (<see cref="ResultRecorded"/>) only once its line is durable, because the coordinator
/// journals a trial as settled on that acknowledgement: a crash in between leaves the line, and the resumed
/// coordinator takes it as settled. A duplicate result for a trial is ignored (and acknowledged once the first is
/// durable). The derived files (leaderboards, report.html) are rebuilt from all rows, so they are rewritten on a pool
/// thread, one write at a time, at most once per interval and never more than a fifth of the time; a flush is
/// answered once every result accepted before it is durable and in them. Stopping waits for the writes under way.
/// </summary>
public sealed class ResultsActor : ReceiveActor, IWithTimers
{
    private const string RewriteTimer = "rewrite";

    // After a rewrite that took d, the next waits at least this many d: rewriting all rows is O(n), and a sweep of
    // 10⁵ instant trials must not spend its time re-rendering the report.
    private const int RewritePauseFactor = 4;

    private readonly ResultsSettings settings;
    private readonly IResultsStore store;
    private readonly TimeSpan rewriteInterval;
    private readonly TimeSpan rewriteDelay;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly ModelShelf? models;

    // How long stopping waits for a write under way before it lets the actor go (and the files be closed) anyway.
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);

    // Tags this instance's piped replies: after a restart, a late reply of the old instance's writes is ignored.
    private readonly object generation = new();
    private readonly HashSet<string> pendingIds = [];
    private readonly Dictionary<long, (double? Loss, IReadOnlyList<double>? Losses)> searchLosses = [];
    private readonly List<(IActorRef ReplyTo, long Required)> flushWaiters = [];
    private Leaderboard leaderboard;
    private List<LeaderboardEntry> batch = [];
    private List<(IActorRef ReplyTo, ResultRecorded Ack)> batchAcks = [];
    private Task? appending;
    private Task? rewriting;
    private bool lastWriteFinal = true;
    private long durable;
    private bool rewriteDue;
    private long rewritten = -1;
    private long? lastRewrite;
    private TimeSpan rewritePause;
    private bool leaderboardFailed;
    private bool reportFailed;

    public ResultsActor(ResultsSettings settings)
    {
        this.settings = settings;
        store = settings.CreateStore();
        rewriteInterval = settings.RewriteInterval ?? TimeSpan.FromSeconds(1);
        rewriteDelay = settings.RewriteDelay ?? ResultsSettings.DefaultRewriteDelay;
        rewritePause = rewriteInterval;
        leaderboard = new Leaderboard(settings.SearchObjectives, settings.Repeats);
        models = settings.KeepModels > 0
            ? new ModelShelf(settings.Paths.Directory, settings.Metric, settings.KeepModels, new ModelOrigin(settings.SweepName, settings.DefinitionHash), settings.SearchObjectives)
            : null;
        Receive<RecordResult>(OnRecord);
        Receive<Appended>(OnAppended);
        Receive<AppendFailed>(message => throw new IOException("results.jsonl not written", message.Error));
        Receive<GetLeaderboard>(_ => Sender.Tell(new LeaderboardSnapshot(leaderboard.Ranked())));
        Receive<FlushLeaderboard>(_ => OnFlush());
        Receive<RewriteDue>(_ =>
        {
            rewriteDue = false;
            RewriteSoon(delayed: true);
        });
        Receive<Rewritten>(OnRewritten);
        Receive<GetRecordedTrials>(_ => Sender.Tell(new RecordedTrials(Recorded())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ResultsSettings settings) => Akka.Actor.Props.Create(() => new ResultsActor(settings));

    protected override void PreStart()
    {
        // Off the actor's thread: the first report then does not stall the results behind the plotting library's start-up.
        Task.Run(ReportWriter.WarmUp);
        Open(settings.Resume);
    }

    // A restart (a failed append) must not forget the results so far: they are all in the journal.
    protected override void PostRestart(Exception reason) => Open(resume: true);

    // A write on a pool thread outlives the actor otherwise: the journal would close under it, and a caller that
    // stopped the actor could not know when the folder is left alone.
    protected override void PostStop()
    {
        try
        {
            Task.WaitAll([.. new[] { appending, rewriting }.OfType<Task>()], StopWait);
        }
        catch (AggregateException)
        {
            // A failed append already reached the actor as AppendFailed (that is why it stops): nothing more to do.
        }
        // Stopped without a final flush (Ctrl-C or SIGTERM on a coordinator, a failed or downed coordinator, a refused
        // resume): the report on disk is a live one that would reload itself for ever. Write the final one now.
        if (!lastWriteFinal)
        {
            WriteDerived(store, leaderboard.Ranked(), final: true);
        }
        store.Dispose();
    }

    private void Open(bool resume)
    {
        var entries = store.Open(resume);
        foreach (var entry in entries)
        {
            Add(entry);
        }
        KeepModels(() => models?.Restore(entries), "earlier results");
        durable = leaderboard.Count;
        if (leaderboard.Count > 0)
        {
            log.Info("Results: {Count} earlier results kept from {Path}", leaderboard.Count, settings.Paths.ResultsJournal);
        }
        // At once: the folder shows the sweep (its report and leaderboards, empty or resumed) from its start.
        RewriteSoon(delayed: true);
    }

    private List<ResultRecorded> Recorded() =>
        [.. leaderboard.RankedTrials()
            .Where(row => !pendingIds.Contains(row.Entry.TrialId))
            .Select(row => SearchRecord(row.Entry))];

    private ResultRecorded SearchRecord(LeaderboardEntry entry)
    {
        var (loss, losses) = searchLosses.GetValueOrDefault(entry.Index);
        return new ResultRecorded(entry.Index, entry.Result.Status, loss, losses);
    }

    /// <summary>
    /// Adds to the leaderboard, keeping the result as an adaptive search sees it (the metric's loss, and every objective's
    /// for a multi-objective search): taken now, because the leaderboard keeps learning curves for its top rows only, and
    /// a stopped trial's loss is its last reported value.
    /// </summary>
    private bool Add(LeaderboardEntry entry)
    {
        var loss = ObservedLoss.Of(entry.Result, settings.Metric);
        var losses = ObservedLoss.Of(entry.Result, settings.SearchObjectives);
        if (!leaderboard.TryAdd(entry))
        {
            return false;
        }
        searchLosses[entry.Index] = (loss, losses);
        return true;
    }

    private void OnRecord(RecordResult message)
    {
        // The model never joins the leaderboard or results.jsonl: only the shelf keeps it, on disk, if it enters the top K.
        var model = message.Entry.Result.Model;
        var entry = model is null ? message.Entry : message.Entry with { Result = message.Entry.Result with { Model = null } };
        var ack = new ResultRecorded(entry.Index, entry.Result.Status);
        if (Add(entry))
        {
            if (model is not null)
            {
                KeepModels(() => models?.Offer(entry, model), $"trial {entry.TrialId}");
            }
            else
            {
                // With several objectives a result without a model can still push kept models off the front.
                KeepModels(() => models?.Observe(entry), $"trial {entry.TrialId}");
            }
            pendingIds.Add(entry.TrialId);
            batch.Add(entry);
        }
        else
        {
            log.Debug("Trial {TrialId} result ignored: already recorded", entry.TrialId);
            if (!pendingIds.Contains(entry.TrialId))
            {
                Sender.Tell(ack);
                return;
            }
            // The first result of this trial is being written: this copy is acknowledged once a later write ends.
        }
        batchAcks.Add((Sender, ack));
        AppendNext();
    }

    // On the actor's thread, so that best/ is current when a flush is answered: only a result that enters the top K
    // writes (three files of about the weights' size), which after the first results is rare. A failure to write a
    // model is logged, never a reason to lose the result.
    private void KeepModels(Action keep, string what)
    {
        try
        {
            keep();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            log.Warning("Model of {What} not written: {Reason}", what, e.Message);
        }
    }

    private void AppendNext()
    {
        if (appending is not null || batch.Count == 0)
        {
            return;
        }
        var entries = batch;
        var acks = batchAcks;
        batch = [];
        batchAcks = [];
        var target = store;
        appending = Task.Run(() => target.Append(entries));
        appending.PipeTo(Self, success: () => new Appended(entries, acks), failure: error => new AppendFailed(error));
    }

    private void OnAppended(Appended message)
    {
        appending = null;
        durable += message.Entries.Count;
        foreach (var entry in message.Entries)
        {
            pendingIds.Remove(entry.TrialId);
        }
        foreach (var (replyTo, ack) in message.Acks)
        {
            replyTo.Tell(ack);
        }
        if (batch.Count == 0)
        {
            // Only duplicates arrived meanwhile, and their first results are durable now.
            AcknowledgeBatch();
        }
        AppendNext();
        RewriteSoon();
    }

    private void AcknowledgeBatch()
    {
        foreach (var (replyTo, ack) in batchAcks)
        {
            replyTo.Tell(ack);
        }
        batchAcks.Clear();
    }

    private void OnFlush()
    {
        flushWaiters.Add((Sender, leaderboard.Count));
        RewriteSoon();
    }

    /// <summary>
    /// Starts a rewrite of the derived files now if a flush waits for one and every result it needs is durable; if
    /// results arrived since the last one, once the pause since it has passed and, unless <paramref name="delayed"/> (the
    /// wait is over), not before the rewrite delay (a flush meanwhile makes it the final one); otherwise does nothing.
    /// </summary>
    private void RewriteSoon(bool delayed = false)
    {
        if (rewriting is not null)
        {
            return;
        }
        if (flushWaiters.Exists(waiter => waiter.Required <= durable))
        {
            Timers.Cancel(RewriteTimer);
            rewriteDue = false;
            Rewrite();
            return;
        }
        if (rewriteDue || rewritten == leaderboard.Count)
        {
            return;
        }
        var pauseLeft = lastRewrite is { } last ? rewritePause - Stopwatch.GetElapsedTime(last) : TimeSpan.Zero;
        var wait = delayed ? pauseLeft : TimeSpan.FromTicks(Math.Max(pauseLeft.Ticks, rewriteDelay.Ticks));
        if (wait <= TimeSpan.Zero)
        {
            Rewrite();
            return;
        }
        rewriteDue = true;
        Timers.StartSingleTimer(RewriteTimer, RewriteDue.Instance, wait);
    }

    private void Rewrite()
    {
        var rows = leaderboard.Ranked();
        var (accepted, durableNow) = ((long)leaderboard.Count, durable);
        var target = store;
        var tag = generation;
        // A flush comes when the sweep has ended or stopped: the report it answers with is the final one (no reloading).
        var final = flushWaiters.Exists(waiter => waiter.Required <= durableNow);
        lastWriteFinal = final;
        var writing = Task.Run(() => WriteDerived(target, rows, final));
        rewriting = writing;
        writing.PipeTo(Self, success: outcome => new Rewritten(tag, accepted, durableNow, rows, outcome, final));
    }

    // Never throws: the derived files are a convenience rebuilt from results.jsonl, and a failure to write them (a full
    // disk, the plotting library's native part missing) must not restart the actor that keeps the record.
    private static DerivedOutcome WriteDerived(IResultsStore target, IReadOnlyList<RankedEntry> rows, bool final)
    {
        var started = Stopwatch.GetTimestamp();
        Exception? leaderboardError = null;
        Exception? reportError = null;
        try
        {
            target.WriteLeaderboard(rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            leaderboardError = e;
        }
        try
        {
            target.WriteReport(rows, final);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reportError = e;
        }
        return new DerivedOutcome(leaderboardError, reportError, Stopwatch.GetElapsedTime(started));
    }

    private void OnRewritten(Rewritten message)
    {
        if (!ReferenceEquals(message.Generation, generation))
        {
            return;
        }
        rewriting = null;
        rewritten = message.Accepted;
        lastRewrite = Stopwatch.GetTimestamp();
        rewritePause = TimeSpan.FromTicks(Math.Max(rewriteInterval.Ticks, message.Outcome.Took.Ticks * RewritePauseFactor));
        leaderboardFailed = LogFailure(message.Outcome.LeaderboardError, leaderboardFailed, "leaderboard files");
        reportFailed = LogFailure(message.Outcome.ReportError, reportFailed, "report.html");
        var answered = new LeaderboardSnapshot(message.Rows);
        // A flush is answered by a final write that began once every result it waits for was durable; one that came
        // during a live write (begun before it) waits for the final write RewriteSoon starts next.
        var done = message.Final ? flushWaiters.Where(waiter => waiter.Required <= message.Durable).ToList() : [];
        foreach (var (replyTo, _) in done)
        {
            replyTo.Tell(answered);
        }
        flushWaiters.RemoveAll(done.Contains);
        RewriteSoon();
    }

    // Logged once until a write succeeds again: at one rewrite a second, a lasting problem would flood the log.
    private bool LogFailure(Exception? error, bool alreadyLogged, string what)
    {
        if (error is not null && !alreadyLogged)
        {
            log.Warning("{What} not written: {Reason}", what, error.GetBaseException().Message);
        }
        return error is not null;
    }

    private sealed record Appended(List<LeaderboardEntry> Entries, List<(IActorRef ReplyTo, ResultRecorded Ack)> Acks);

    private sealed record AppendFailed(Exception Error);

    private sealed record DerivedOutcome(Exception? LeaderboardError, Exception? ReportError, TimeSpan Took);

    private sealed record Rewritten(object Generation, long Accepted, long Durable, IReadOnlyList<RankedEntry> Rows, DerivedOutcome Outcome, bool Final);

    private sealed record RewriteDue
    {
        public static RewriteDue Instance { get; } = new();
    }
}
