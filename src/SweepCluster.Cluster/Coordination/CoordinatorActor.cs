using SweepCluster.Core.Monitoring;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Owns one sweep. Workers pull: a free worker asks, and gets the next trial (a put-back one first, else the
/// next index; trials are generated one at a time), or, when it trains packs, a pack of compatible trials chosen by
/// the <see cref="PackPlanner"/> and no larger than a fair share of what is left. Every worker is watched; a dead
/// worker's trials go back to the front of the queue, one by one. A failed trial is retried up to the limit; diverged and interrupted trials are
/// finished. Phases: Syncing (after the journal's replay, the results file's trials count as settled too) →
/// Running (dispatching) → Stopping (no new trials; running ones end) → Completed; or Refused when the journal
/// holds another sweep definition. Of finished trials it keeps only their indices (a bitmap), not their results.
/// Event-sourced: a trial is journaled as settled only after the results actor has written its line, so a
/// resumed coordinator never loses a result and never re-runs a finished trial.
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private const string LeaseTimer = "leases";
    private const string SyncTimer = "sync";

    private readonly ITrialSource source;
    private readonly IActorRef results;
    private readonly CoordinatorSettings settings;
    private readonly TrialQueue queue;
    private readonly TrialDispatcher dispatcher;
    private readonly string sweepId;
    private readonly ILoggingAdapter log;
    private readonly TrialLog trialLog;
    private readonly WorkerPool<IActorRef, WorkerInfo, RequestTrial> workers = new();
    private readonly AssignmentBook<IActorRef, Assignment> assignments;
    private readonly SweepTally tally;
    private readonly DispatchCounters counters = new();
    private readonly List<IActorRef> waiters = [];
    private readonly ITrialScheduler? scheduler;
    private readonly SearchHistory? history;
    private readonly ModelBar modelBar;
    private readonly List<TrialSuggested> unjournaled = [];
    private readonly FrameBudget? frame;
    private readonly SyncBound sync;
    private bool stopping;
    private SweepSummary? summary;
    private SweepStarted? journaled;
    private ResumeReconciliation? resume = new();

    public CoordinatorActor(ITrialSource source, IActorRef results, CoordinatorSettings settings)
    {
        this.source = source;
        this.results = results;
        this.settings = settings;
        sweepId = source.SweepName;
        var plan = source.DispatchPlan();
        queue = new TrialQueue(source.Count, plan);
        dispatcher = new TrialDispatcher(queue, new PackShare(plan));
        tally = new SweepTally(queue);
        log = Context.GetLogger().WithContext("SweepId", sweepId);
        trialLog = new TrialLog(log);
        PersistenceId = settings.PersistenceId ?? $"sweep-{sweepId}";
        // Fresh per incarnation: the journal's replay below rebuilds both, so a restarted coordinator decides as before.
        scheduler = source.NewScheduler();
        history = source.Adaptive ? new SearchHistory(source.Repeats) : null;
        assignments = new AssignmentBook<IActorRef, Assignment>(settings.Lease, held => held.Trial.Index);
        frame = FrameBudget.Of(Context.System);
        modelBar = new ModelBar(source.Metric, settings.KeepModels);
        sync = settings.NewSyncBound();
        Recover<SweepStarted>(started => journaled = started);
        Recover<SchedulerReported>(report => scheduler?.Report(report.Index, report.Epoch, report.Value));
        Recover<TrialSuggested>(suggested => history?.Suggest(suggested.Index, [.. suggested.Point]));
        Recover<AttemptFailed>(failure => tally.AttemptFailed(failure.Index, failure.Attempt));
        Recover<TrialSettled>(settled => resume!.Journaled(settled.Index, settled.Status));
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Syncing();
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ITrialSource source, IActorRef results, CoordinatorSettings settings) =>
        Akka.Actor.Props.Create(() => new CoordinatorActor(source, results, settings));

    private void OnRecovered()
    {
        if (RefusalReason() is { } reason)
        {
            log.Error(EventTemplates.SweepRefused, sweepId, reason);
            // Published too, so that a host waits on the event stream, not on a waiter list a restart would lose.
            Context.System.EventStream.Publish(new SweepRefused(reason));
            Become(() => Refused(reason));
            return;
        }
        if (journaled is null)
        {
            PersistAsync(new SweepStarted(sweepId, settings.DefinitionHash, queue.Total), started => journaled = started);
        }
        results.Tell(GetRecordedTrials.Instance);
        Timers.StartSingleTimer(SyncTimer, SyncTimedOut.Instance, sync.Timeout);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Fail($"the journal could not be read ({PersistenceId}): {reason.Message}");
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Fail($"the journal could not be written ({PersistenceId}): {cause.Message}");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private void Fail(string reason)
    {
        log.Error(EventTemplates.SweepCoordinatorStopped, sweepId, reason);
        Context.System.EventStream.Publish(new CoordinatorFailed(reason));
    }

    private string? RefusalReason()
    {
        if (journaled is null)
        {
            return null;
        }
        var hashDiffers = journaled.DefinitionHash != "" && settings.DefinitionHash != "" && journaled.DefinitionHash != settings.DefinitionHash;
        if (hashDiffers || journaled.Total != queue.Total)
        {
            return $"the journal ({PersistenceId}) holds sweep '{journaled.SweepId}' with another definition "
                + $"({journaled.Total} trials, definition {Short(journaled.DefinitionHash)}; this one: {queue.Total} trials, {Short(settings.DefinitionHash)}). "
                + "Resume with the same sweep file and --set options, or use another output folder (and journal).";
        }
        return null;
    }

    // Metric and Goal ride along as properties so that `monitor` knows what "best" means.
    private ILoggingAdapter SweepLog() =>
        log.WithContext("Metric", source.Metric.Name).WithContext("Goal", source.Metric.Goal.ToString().ToLowerInvariant());

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash == "" ? "unknown" : hash;

    /// <summary>Waits for the results file's trials; everything else waits in the stash, within the <see cref="SyncBound"/>.</summary>
    private void Syncing()
    {
        Command<RecordedTrials>(OnRecordedTrials);
        Command<SyncTimedOut>(_ => GiveUpSyncing(sync.TimedOut));
        CommandAny(_ =>
        {
            if (sync.Admit())
            {
                Stash.Stash();
                return;
            }
            GiveUpSyncing(sync.Overflowed);
        });
    }

    // The host hears CoordinatorFailed and ends the command; a results actor that stopped has usually been reported already.
    private void GiveUpSyncing(string reason)
    {
        Fail(reason);
        Context.Stop(Self);
    }

    // results.jsonl decides what is finished: a trial in it but not settled in the journal finished just before a
    // crash and counts as settled; a trial settled in the journal but missing from it (another output folder, a
    // deleted file) would be missing from the leaderboard, so it runs again.
    private void OnRecordedTrials(RecordedTrials message)
    {
        Timers.Cancel(SyncTimer);
        foreach (var recorded in message.Trials)
        {
            history?.Observe(recorded.Index, recorded.Loss);
        }
        var outcome = resume!.Reconcile(message.Trials.Select(t => (t.Index, t.Status)), tally);
        resume = null;
        if (outcome.Adopted.Count > 0)
        {
            PersistAllAsync(outcome.Adopted.Select(t => new TrialSettled(t.Index, t.Status)).ToList(), _ => { });
        }
        if (outcome.Missing > 0)
        {
            log.Warning(EventTemplates.SweepResultsMissing, sweepId, outcome.Missing);
        }
        if (outcome.Resumed > 0)
        {
            SweepLog().Info(EventTemplates.SweepResumed,
                sweepId, outcome.Resumed, queue.Total, outcome.Adopted.Count, settings.MaxAttempts);
        }
        else
        {
            SweepLog().Info(EventTemplates.SweepStarted, sweepId, queue.Total, settings.MaxAttempts);
        }
        Timers.StartPeriodicTimer(LeaseTimer, CheckLeases.Instance, settings.Lease / 2);
        Become(Running);
        Stash.UnstashAll();
        CompleteIfSettled();
    }

    private void Refused(string reason)
    {
        Command<AwaitCompletion>(_ => Sender.Tell(new SweepRefused(reason)));
        Command<GetSweepStatus>(_ => Sender.Tell(Status()));
        CommandAny(_ => { });
    }

    private void Running()
    {
        Queries();
        Command<RegisterWorker>(OnRegister);
        Command<RequestTrial>(message => counters.Timed(() => OnRequestTrial(message)));
        Command<TrialProgress>(OnProgress);
        Command<TrialFinished>(message => counters.Timed(() => OnFinished(message)));
        Command<Terminated>(OnTerminated);
        Command<StopSweep>(OnStop);
        Command<ReturnTrial>(OnReturn);
        Leases();
    }

    private void Stopping()
    {
        Queries();
        Command<RegisterWorker>(OnRegister);
        Command<RequestTrial>(_ => workers.Park(Sender));
        Command<TrialProgress>(OnProgress);
        Command<TrialFinished>(OnFinished);
        Command<Terminated>(OnTerminated);
        Command<StopSweep>(message => InterruptRunning(message.InterruptRunning));
        Command<ReturnTrial>(OnReturn);
        Leases();
    }

    private void Leases()
    {
        Command<AssignmentStarted>(OnAssignmentStarted);
        Command<CheckLeases>(_ => OnCheckLeases());
    }

    private void Completed()
    {
        Queries();
        Command<TrialFinished>(message => log.Debug(EventTemplates.TrialResultAfterSweepEnded, message.Result.TrialId));
        Command<RegisterWorker>(message => Sender.Tell(new SweepOver(sweepId)));
        Command<RequestTrial>(_ => { });
        Command<ReturnTrial>(_ => { });
        Command<TrialProgress>(_ => { });
        Command<Terminated>(_ => { });
        Command<StopSweep>(_ => { });
        Command<AssignmentStarted>(_ => { });
        Command<CheckLeases>(_ => { });
    }

    private void Queries()
    {
        Command<GetSweepStatus>(_ => Sender.Tell(Status()));
        Command<GetCoordinatorStats>(_ => Sender.Tell(new CoordinatorStats(counters.Dispatches, counters.ResultsSeen, counters.BusyTicks)));
        Command<AwaitCompletion>(_ => OnAwaitCompletion());
        Command<ResultRecorded>(OnResultRecorded);
    }

    private void OnRegister(RegisterWorker message)
    {
        Track(Sender, new WorkerInfo(message.Name, message.Node, message.Device));
        // Workers re-register until acknowledged (the singleton may not have existed when they started).
        Sender.Tell(WorkerRegistered.Instance);
    }

    private void OnRequestTrial(RequestTrial request)
    {
        var worker = Sender;
        if (!workers.Contains(worker))
        {
            Track(worker, new WorkerInfo(worker.Path.Name, worker.Path.Address.ToString()));
        }
        workers.Asked(worker, request);
        // A worker asks only when it holds nothing; if we think it holds trials, it lost them (e.g. restarted).
        foreach (var lost in assignments.Release(worker))
        {
            queue.PutBackFirst(lost.Trial.Index);
            trialLog.Write(LogLevel.WarningLevel, lost.Trial.Id, lost.Info.Name, lost.Info.Node,
                EventTemplates.TrialRequeuedAskedAgain, lost.Trial.Id, lost.Info.Name);
        }
        if (!TryDispatch(worker))
        {
            workers.Park(worker);
        }
    }

    private void Track(IActorRef worker, WorkerInfo info)
    {
        if (workers.Register(worker, info))
        {
            Context.Watch(worker);
            log.WithContext("Device", info.Device).Info(EventTemplates.WorkerRegistered, info.Name, info.Node);
        }
    }

    private void OnProgress(TrialProgress message)
    {
        var held = assignments.HeldBy(Sender).FirstOrDefault(a => a.Trial.Id == message.TrialId);
        if (held is not null)
        {
            trialLog.Write(LogLevel.DebugLevel, message.TrialId, held.Info.Name, held.Info.Node,
                EventTemplates.TrialEpoch, message.TrialId, message.Epoch.Epoch, message.Epoch.ValLoss);
        }
        if (scheduler is not null && message.Index >= 0)
        {
            Schedule(message);
        }
    }

    /// <summary>
    /// Asks the scheduler about this epoch. At a decision epoch the worker waits for the answer; a report the scheduler
    /// keeps is journaled first, so that the answer never outruns the journal. Also answered for a trial this coordinator
    /// does not think the sender holds (after a restart): the scheduler decides by index, and the worker must not hang.
    /// </summary>
    private void Schedule(TrialProgress message)
    {
        var (index, epoch) = (message.Index, message.Epoch.Epoch);
        if (EpochMetric.Value(message.Epoch, source.Metric.Name) is not { } value)
        {
            return;
        }
        var records = scheduler!.Records(index, epoch);
        var decision = scheduler.Report(index, epoch, value);
        if (!scheduler.DecisionEpochs(index).Contains(epoch))
        {
            if (records)
            {
                PersistAsync(new SchedulerReported(index, epoch, value), _ => { });
            }
            return;
        }
        var verdict = new EpochVerdict(message.TrialId, epoch, decision.Stop, decision.Reason);
        var worker = Sender;
        if (records)
        {
            PersistAsync(new SchedulerReported(index, epoch, value), _ => worker.Tell(verdict));
        }
        else
        {
            worker.Tell(verdict);
        }
    }

    private void OnFinished(TrialFinished message)
    {
        counters.ResultSeen();
        var index = message.Index;
        var result = RetryPolicy.WithKind(message.Result);
        var held = assignments.Release(Sender, index);
        if (queue.IsSettled(index))
        {
            trialLog.Write(LogLevel.DebugLevel, result.TrialId, result.Worker, result.Node, EventTemplates.TrialDuplicateResult, result.TrialId);
            return;
        }
        // An adaptive search's trial without a journaled point cannot be told apart from a new one: it runs again.
        var trial = held?.Trial ?? (history is null || history.TryGetPoint(index, out _) ? TryGenerate(index) : null);
        if (trial is null)
        {
            return;
        }
        var attempt = tally.AttemptsOf(index) + 1;
        if (RetryPolicy.Retries(result, attempt, settings.MaxAttempts))
        {
            Retry(trial, attempt, result);
        }
        else
        {
            Settle(trial.Index, trial.SweptValues, result, attempt);
        }
        CompleteIfSettled();
    }

    private void Retry(TrialSpec trial, int attempt, TrialResult result)
    {
        tally.AttemptFailed(trial.Index, attempt);
        PersistAsync(new AttemptFailed(trial.Index, attempt), _ => { });
        trialLog.WriteWith(LogLevel.WarningLevel, trial.Id, result.Worker, result.Node, FailureOf(result),
            EventTemplates.TrialFailed, trial.Id, attempt, settings.MaxAttempts, result.Reason ?? "");
        // While stopping, a failed trial is left unfinished rather than retried: a later run can retry it.
        if (!stopping)
        {
            queue.PutBackFirst(trial.Index);
            DispatchToIdle();
        }
    }

    // Settled in memory at once (a late duplicate is ignored); journaled when the results actor acknowledges.
    private void Settle(long index, IReadOnlyList<SweptValue> sweptValues, TrialResult result, int attempt)
    {
        tally.MarkSettled(index, result.Status);
        history?.Observe(index, ObservedLoss.Of(result, source.Metric));
        modelBar.Observe(result);
        if (result.Status == TrialStatus.Failed)
        {
            trialLog.WriteWith(LogLevel.WarningLevel, result.TrialId, result.Worker, result.Node, FailureOf(result),
                EventTemplates.TrialFailed, result.TrialId, attempt,
                RetryPolicy.LoggedMaxAttempts(result, attempt, settings.MaxAttempts), result.Reason ?? "");
        }
        else
        {
            if (result.Status == TrialStatus.StoppedEarly)
            {
                // Logged when the trial has stopped, not when the scheduler said so: a repeated report gets the same
                // verdict again, and a worker whose coordinator was gone meanwhile may have trained on.
                trialLog.WriteWith(LogLevel.InfoLevel, result.TrialId, result.Worker, result.Node, [new("Epoch", result.Metrics?.EpochsRun)],
                    EventTemplates.TrialStoppedEarly, result.TrialId, result.Metrics?.EpochsRun ?? 0, result.Reason ?? "");
            }
            trialLog.WriteWith(LogLevel.InfoLevel, result.TrialId, result.Worker, result.Node, DeviceOf(result),
                EventTemplates.TrialFinished, result.TrialId, result.Metrics?.ValLoss, result.Metrics?.Sparsity);
        }
        int? repeat = source.Repeats > 1 ? (int)(index % source.Repeats) : null;
        results.Tell(new RecordResult(new LeaderboardEntry(index, sweptValues, result, repeat)));
    }

    private static KeyValuePair<string, object?>[] DeviceOf(TrialResult result) => [new("Device", result.Device)];

    private static KeyValuePair<string, object?>[] FailureOf(TrialResult result) =>
        [new("Device", result.Device), new("FailureKind", RetryPolicy.KindText(result.FailureKind))];

    private void OnResultRecorded(ResultRecorded message) => PersistAsync(new TrialSettled(message.Index, message.Status), _ => { });

    private void OnReturn(ReturnTrial message)
    {
        if (assignments.Release(Sender, message.Index) is not { } held)
        {
            return;
        }
        queue.PutBackFirst(message.Index);
        trialLog.Write(LogLevel.WarningLevel, held.Trial.Id, held.Info.Name, held.Info.Node,
            EventTemplates.TrialRequeuedHandedBack, held.Trial.Id, held.Info.Name);
        if (!stopping)
        {
            DispatchToIdle();
        }
        CompleteIfSettled();
    }

    private void OnTerminated(Terminated message)
    {
        var worker = message.ActorRef;
        workers.Remove(worker);
        var lost = assignments.Release(worker);
        // A dead worker's pack goes back as single trials, in order, ahead of everything else.
        foreach (var held in Enumerable.Reverse(lost))
        {
            queue.PutBackFirst(held.Trial.Index);
            trialLog.Write(LogLevel.WarningLevel, held.Trial.Id, held.Info.Name, held.Info.Node,
                EventTemplates.TrialRequeuedTerminated, held.Trial.Id, held.Info.Name);
        }
        if (lost.Count > 0 && !stopping)
        {
            DispatchToIdle();
        }
        CompleteIfSettled();
    }

    private void OnStop(StopSweep message)
    {
        stopping = true;
        log.Info(EventTemplates.SweepStopping, sweepId, HeldTrials);
        Become(Stopping);
        InterruptRunning(message.InterruptRunning);
        CompleteIfSettled();
    }

    private void InterruptRunning(bool interrupt)
    {
        if (!interrupt)
        {
            return;
        }
        foreach (var held in assignments.All)
        {
            // Deferred like the assignments: an assignment still waiting for its point to be journaled must reach the worker first.
            DeferAsync(new StopTrial(held.Trial.Id), stop => held.Worker.Tell(stop));
        }
    }

    private void OnAwaitCompletion()
    {
        if (summary is not null)
        {
            Sender.Tell(new SweepCompleted(summary));
        }
        else
        {
            waiters.Add(Sender);
        }
    }

    private bool TryDispatch(IActorRef worker)
    {
        var request = workers.RequestOf(worker) ?? RequestTrial.Instance;
        var pack = dispatcher.NextPack(request.MaxPack, workers.Count, request.NodeSlots, request.PackLimits, TryGenerate);
        if (pack.Count == 0)
        {
            CompleteIfSettled();
            return false;
        }
        var info = workers.InfoOf(worker);
        var held = pack.Select(trial => new Assignment(trial, tally.AttemptsOf(trial.Index) + 1, worker, info)).ToList();
        if (FitFrame(worker, held) is not { } message)
        {
            return TryDispatch(worker);
        }
        assignments.Hold(worker, held, message, DateTimeOffset.UtcNow);
        SendAfterJournal(worker, message);
        foreach (var assignment in held)
        {
            counters.Dispatched();
            trialLog.WriteWith(LogLevel.InfoLevel, assignment.Trial.Id, info.Name, info.Node, [new("Device", info.Device), new("Pack", held.Count)],
                EventTemplates.TrialStarted, assignment.Trial.Id, info.Name);
        }
        return true;
    }

    private object AssignmentOf(IReadOnlyList<Assignment> held)
    {
        var trials = held.Select(a => new AssignTrial(a.Trial, a.Attempt, scheduler?.DecisionEpochs(a.Trial.Index), modelBar.Request)).ToList();
        return trials.Count == 1 ? trials[0] : new AssignPack(trials);
    }

    /// <summary>
    /// The assignment of <paramref name="held"/>, cut to what one remoting frame carries to <paramref name="worker"/>: the trials
    /// cut off go back to the front of the queue. A single trial too large to send fails for good (null): sending it again
    /// would fail again.
    /// </summary>
    private object? FitFrame(IActorRef worker, List<Assignment> held)
    {
        var message = AssignmentOf(held);
        var bytes = frame?.PayloadBytes(worker, message) ?? 0;
        if (frame is null || bytes <= frame.MaxPayloadBytes)
        {
            return message;
        }
        var (offered, offeredBytes, info) = (held.Count, bytes, held[0].Info);
        while (held.Count > 1 && bytes > frame.MaxPayloadBytes)
        {
            var keep = (int)Math.Clamp(held.Count * frame.MaxPayloadBytes / bytes, 1, held.Count - 1);
            foreach (var cut in Enumerable.Reverse(held.Skip(keep).ToList()))
            {
                queue.PutBackFirst(cut.Trial.Index);
            }
            held.RemoveRange(keep, held.Count - keep);
            message = AssignmentOf(held);
            bytes = frame.PayloadBytes(worker, message);
        }
        if (bytes <= frame.MaxPayloadBytes)
        {
            log.Warning(EventTemplates.PackShrunkForFrame, info.Name, offered, held.Count, offeredBytes, frame.MaxPayloadBytes);
            return message;
        }
        var trial = held[0];
        trialLog.Write(LogLevel.ErrorLevel, trial.Trial.Id, info.Name, info.Node, EventTemplates.TrialTooLargeToSend, trial.Trial.Id, info.Name, bytes, frame.MaxPayloadBytes);
        Settle(trial.Trial.Index, trial.Trial.SweptValues, new TrialResult(trial.Trial.Id, TrialStatus.Failed,
            $"its assignment is {bytes} bytes, over the remoting frame of {frame.MaxPayloadBytes} bytes", null, [], FailureKind: TrialFailureKind.Deterministic), trial.Attempt);
        return null;
    }

    private void OnAssignmentStarted(AssignmentStarted message)
    {
        assignments.Acknowledge(Sender, message.Indices);
    }

    /// <summary>An assignment not acknowledged in time is sent again; after the last send its trials go back to the queue.</summary>
    private void OnCheckLeases()
    {
        foreach (var expiry in assignments.Expire(DateTimeOffset.UtcNow))
        {
            var first = assignments.HeldBy(expiry.Worker)[0];
            if (expiry.Resend)
            {
                trialLog.Write(LogLevel.WarningLevel, first.Trial.Id, first.Info.Name, first.Info.Node,
                    EventTemplates.AssignmentResent, first.Trial.Id, first.Info.Name, expiry.Sends, settings.Lease.TotalSeconds);
                expiry.Worker.Tell(expiry.Message);
                continue;
            }
            foreach (var held in Enumerable.Reverse(assignments.Release(expiry.Worker)))
            {
                queue.PutBackFirst(held.Trial.Index);
                trialLog.Write(LogLevel.ErrorLevel, held.Trial.Id, held.Info.Name, held.Info.Node,
                    EventTemplates.TrialRequeuedUnacknowledged, held.Trial.Id, held.Info.Name, expiry.Sends);
            }
            // It may be waiting for an answer that never came: it gets the next one when there is work.
            workers.Park(expiry.Worker);
            if (!stopping)
            {
                DispatchToIdle();
            }
        }
        CompleteIfSettled();
    }

    /// <summary>New points of an adaptive search are journaled before the trials that carry them reach a worker.</summary>
    private void SendAfterJournal(IActorRef worker, object assignment)
    {
        if (unjournaled.Count == 0)
        {
            worker.Tell(assignment);
            return;
        }
        PersistAllAsync(unjournaled.ToList(), _ => { });
        unjournaled.Clear();
        DeferAsync(assignment, message => worker.Tell(message));
    }

    private void DispatchToIdle()
    {
        while (workers.TryNextIdle(out var worker))
        {
            if (!TryDispatch(worker))
            {
                workers.Park(worker);
                return;
            }
        }
    }

    // A trial the source cannot generate fails for good at once: retrying would regenerate the same error.
    private TrialSpec? TryGenerate(long index)
    {
        var known = history is null || history.TryGetPoint(index, out _);
        try
        {
            return history is null ? source.TrialAt(index) : source.TrialAt(index, history);
        }
        catch (Exception e)
        {
            var id = TrialSpec.IdFor(sweepId, index);
            Settle(index, [], new TrialResult(id, TrialStatus.Failed, $"cannot generate trial: {e.Message}", null, [], FailureKind: TrialFailureKind.Deterministic), settings.MaxAttempts);
            return null;
        }
        finally
        {
            // A new point of an adaptive search is journaled, also when its trial failed to generate: the search counts that
            // failure as a bad result at the point.
            if (!known && history!.TryGetPoint(index, out var point))
            {
                unjournaled.Add(new TrialSuggested(index, point));
            }
        }
    }

    private void CompleteIfSettled()
    {
        if (summary is not null || !(queue.AllSettled || (stopping && assignments.IsEmpty)))
        {
            return;
        }
        summary = new SweepSummary(sweepId, queue.Total, tally.Done, tally.Failed, tally.Interrupted, queue.Total - queue.SettledCount, stopping, tally.StoppedEarly);
        log.Info(EventTemplates.SweepFinished, sweepId, tally.Done, tally.Failed);
        foreach (var waiter in waiters)
        {
            waiter.Tell(new SweepCompleted(summary));
        }
        waiters.Clear();
        Context.System.EventStream.Publish(new SweepCompleted(summary));
        Timers.Cancel(LeaseTimer);
        foreach (var worker in workers.Workers)
        {
            worker.Tell(new SweepOver(sweepId));
        }
        Become(Completed);
    }

    /// <summary>Trials held by workers now (a pack counts each of its trials).</summary>
    private int HeldTrials => assignments.HeldTrials;

    private SweepStatus Status()
    {
        var running = HeldTrials;
        return new SweepStatus(sweepId, queue.Total, tally.Done, running, tally.Queued(running), tally.Failed, stopping);
    }

    private sealed record CheckLeases
    {
        public static CheckLeases Instance { get; } = new();
    }

    private sealed record SyncTimedOut
    {
        public static SyncTimedOut Instance { get; } = new();
    }
}
