using SweepCluster.Core.Monitoring;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;
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
/// A router: it persists events and passes messages; the decisions live in the plain types it owns
/// (<see cref="TrialDispatcher"/>, <see cref="TrialSearch"/>, <see cref="WorkerPool{TWorker,TInfo,TRequest}"/>,
/// <see cref="AssignmentBook{TWorker,THeld}"/>, <see cref="AssignmentFitter"/>, <see cref="SweepTally"/>,
/// <see cref="SweepCompletion{TWaiter}"/>, <see cref="SweepRecovery"/>); see docs/architecture.md.
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private const string LeaseTimer = "leases";
    private const string SyncTimer = "sync";

    private readonly SweepContext sweep;
    private readonly TrialQueue queue;
    private readonly TrialDispatcher dispatcher;
    private readonly SweepTally tally;
    private readonly TrialSearch search;
    private readonly WorkerPool<IActorRef, WorkerInfo, RequestTrial> workers = new();
    private readonly AssignmentBook<IActorRef, Assignment> assignments;
    private readonly AssignmentFitter fitter;
    private readonly DispatchCounters counters = new();
    private readonly SweepCompletion<IActorRef> completion;
    private readonly SweepRecovery recovery;

    public CoordinatorActor(ITrialSource source, IActorRef results, CoordinatorSettings settings)
    {
        var log = Context.GetLogger().WithContext("SweepId", source.SweepName);
        sweep = new SweepContext(source.SweepName, source, settings, results, new TrialLog(log));
        var plan = source.DispatchPlan();
        queue = new TrialQueue(source.Count, plan);
        dispatcher = new TrialDispatcher(queue, new PackShare(plan));
        tally = new SweepTally(queue);
        // Fresh per incarnation: the journal's replay below rebuilds the search and the scheduler, so a restarted coordinator decides as before.
        search = new TrialSearch(source);
        assignments = new AssignmentBook<IActorRef, Assignment>(settings.Lease, held => held.Trial.Index);
        fitter = AssignmentFitter.Of(FrameBudget.Of(Context.System), queue, search, new ModelBar(source.Metric, settings.KeepModels, source.Objectives.Count), sweep.Trials);
        completion = new SweepCompletion<IActorRef>(sweep.Id, queue, tally);
        recovery = new SweepRecovery(settings.NewSyncBound());
        Recover<SweepStarted>(started => recovery.Started = started);
        Recover<SchedulerReported>(report => search.ReplayReport(report.Index, report.Epoch, report.Value));
        Recover<TrialSuggested>(suggested => search.Replay(suggested.Index, suggested.Point));
        Recover<AttemptFailed>(failure => tally.AttemptFailed(failure.Index, failure.Attempt));
        Recover<TrialSettled>(settled => recovery.Journaled(settled.Index, settled.Status));
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Syncing();
    }

    public override string PersistenceId => sweep.PersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ITrialSource source, IActorRef results, CoordinatorSettings settings) =>
        Akka.Actor.Props.Create(() => new CoordinatorActor(source, results, settings));

    private void OnRecovered()
    {
        if (recovery.RefusalReason(PersistenceId, sweep.Settings.DefinitionHash, queue.Total) is { } reason)
        {
            sweep.Log.Error(EventTemplates.SweepRefused, sweep.Id, reason);
            // Published too, so that a host waits on the event stream, not on a waiter list a restart would lose.
            Context.System.EventStream.Publish(new SweepRefused(reason));
            Become(() => Refused(reason));
            return;
        }
        if (recovery.Started is null)
        {
            PersistAsync(new SweepStarted(sweep.Id, sweep.Settings.DefinitionHash, queue.Total), started => recovery.Started = started);
        }
        sweep.Results.Tell(GetRecordedTrials.Instance);
        Timers.StartSingleTimer(SyncTimer, SyncTimedOut.Instance, recovery.Sync.Timeout);
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
        sweep.Log.Error(EventTemplates.SweepCoordinatorStopped, sweep.Id, reason);
        Context.System.EventStream.Publish(new CoordinatorFailed(reason));
    }

    /// <summary>Waits for the results file's trials; everything else waits in the stash, within the <see cref="SyncBound"/>.</summary>
    private void Syncing()
    {
        Command<RecordedTrials>(OnRecordedTrials);
        Command<SyncTimedOut>(_ => GiveUpSyncing(recovery.Sync.TimedOut));
        CommandAny(_ =>
        {
            if (recovery.Sync.Admit())
            {
                Stash.Stash();
                return;
            }
            GiveUpSyncing(recovery.Sync.Overflowed);
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
            search.Observe(recorded.Index, recorded.Loss, recorded.Losses);
        }
        var outcome = recovery.Reconcile(message.Trials.Select(t => (t.Index, t.Status)), tally);
        if (outcome.Adopted.Count > 0)
        {
            PersistAllAsync(outcome.Adopted.Select(t => new TrialSettled(t.Index, t.Status)).ToList(), _ => { });
        }
        sweep.LogStart(outcome, queue.Total);
        Timers.StartPeriodicTimer(LeaseTimer, CheckLeases.Instance, sweep.Settings.Lease / 2);
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

    private void Running() => Active(stopping: false);

    private void Stopping() => Active(stopping: true);

    // Stopping differs from running in three handlers: nothing new is handed out, results are not timed, a stop only interrupts.
    private void Active(bool stopping)
    {
        Queries();
        Command<RegisterWorker>(OnRegister);
        Command<RequestTrial>(message => counters.Timed(() => OnRequestTrial(message)), _ => !stopping);
        Command<RequestTrial>(_ => workers.Park(Sender));
        Command<TrialProgress>(OnProgress);
        Command<TrialFinished>(message => counters.Timed(() => OnFinished(message)), _ => !stopping);
        Command<TrialFinished>(OnFinished);
        Command<Terminated>(OnTerminated);
        Command<StopSweep>(OnStop, _ => !stopping);
        Command<StopSweep>(message => InterruptRunning(message.InterruptRunning));
        Command<ReturnTrial>(OnReturn);
        Command<AssignmentStarted>(message => assignments.Acknowledge(Sender, message.Indices));
        Command<CheckLeases>(_ => OnCheckLeases());
    }

    private void Completed()
    {
        Queries();
        Command<TrialFinished>(message => sweep.Log.Debug(EventTemplates.TrialResultAfterSweepEnded, message.Result.TrialId));
        Command<RegisterWorker>(message => Sender.Tell(new SweepOver(sweep.Id)));
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
        Command<ResultRecorded>(message => PersistAsync(new TrialSettled(message.Index, message.Status), _ => { }));
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
        RequeueEach(assignments.Release(worker), LogLevel.WarningLevel, EventTemplates.TrialRequeuedAskedAgain);
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
            sweep.Log.WithContext("Device", info.Device).Info(EventTemplates.WorkerRegistered, info.Name, info.Node);
        }
    }

    private void OnProgress(TrialProgress message)
    {
        var held = assignments.HeldBy(Sender).FirstOrDefault(a => a.Trial.Id == message.TrialId);
        if (held is not null)
        {
            sweep.Trials.Write(LogLevel.DebugLevel, message.TrialId, held.Info.Name, held.Info.Node,
                EventTemplates.TrialEpoch, message.TrialId, message.Epoch.Epoch, message.Epoch.ValLoss);
        }
        if (search.HasScheduler && message.Index >= 0)
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
        if (EpochMetric.Value(message.Epoch, sweep.Source.Metric.Name) is not { } value)
        {
            return;
        }
        var answer = search.Report(index, epoch, value);
        var verdict = answer.Decision is { } decision ? new EpochVerdict(message.TrialId, epoch, decision.Stop, decision.Reason) : null;
        var worker = Sender;
        if (answer.Records)
        {
            PersistAsync(new SchedulerReported(index, epoch, value), _ => Answer(worker, verdict));
            return;
        }
        Answer(worker, verdict);
    }

    private static void Answer(IActorRef worker, EpochVerdict? verdict)
    {
        if (verdict is not null)
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
            sweep.Trials.Write(LogLevel.DebugLevel, result.TrialId, result.Worker, result.Node, EventTemplates.TrialDuplicateResult, result.TrialId);
            return;
        }
        // An adaptive search's trial without a journaled point cannot be told apart from a new one: it runs again.
        var trial = held?.Trial ?? (search.Knows(index) ? Generate(index) : null);
        if (trial is null)
        {
            return;
        }
        var attempt = tally.AttemptsOf(index) + 1;
        if (RetryPolicy.Retries(result, attempt, sweep.Settings.MaxAttempts))
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
        sweep.Trials.Failed(trial.Id, result, attempt, sweep.Settings.MaxAttempts);
        // While stopping, a failed trial is left unfinished rather than retried: a later run can retry it.
        if (!completion.Stopping)
        {
            queue.PutBackFirst(trial.Index);
            DispatchToIdle();
        }
    }

    // Settled in memory at once (a late duplicate is ignored); journaled when the results actor acknowledges.
    private void Settle(long index, IReadOnlyList<SweptValue> sweptValues, TrialResult result, int attempt)
    {
        tally.MarkSettled(index, result.Status);
        search.Observe(index, result);
        fitter.Observe(result);
        sweep.Trials.Settled(result, attempt, sweep.Settings.MaxAttempts);
        int? repeat = sweep.Source.Repeats > 1 ? (int)(index % sweep.Source.Repeats) : null;
        sweep.Results.Tell(new RecordResult(new LeaderboardEntry(index, sweptValues, result, repeat)));
    }

    private void OnReturn(ReturnTrial message)
    {
        if (assignments.Release(Sender, message.Index) is not { } held)
        {
            return;
        }
        RequeueEach([held], LogLevel.WarningLevel, EventTemplates.TrialRequeuedHandedBack);
        if (!completion.Stopping)
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
        RequeueEach(Enumerable.Reverse(lost), LogLevel.WarningLevel, EventTemplates.TrialRequeuedTerminated);
        if (lost.Count > 0 && !completion.Stopping)
        {
            DispatchToIdle();
        }
        CompleteIfSettled();
    }

    /// <summary>Puts held trials back at the front of the queue one by one, each logged (the templates start with the trial and its worker).</summary>
    private void RequeueEach(IEnumerable<Assignment> trials, LogLevel level, string template, params object?[] more)
    {
        foreach (var held in trials)
        {
            queue.PutBackFirst(held.Trial.Index);
            sweep.Trials.Write(level, held.Trial.Id, held.Info.Name, held.Info.Node, template, [held.Trial.Id, held.Info.Name, .. more]);
        }
    }

    private void OnStop(StopSweep message)
    {
        completion.Stop();
        sweep.Log.Info(EventTemplates.SweepStopping, sweep.Id, assignments.HeldTrials);
        Become(Stopping);
        InterruptRunning(message.InterruptRunning);
        CompleteIfSettled();
    }

    private void InterruptRunning(bool interrupt)
    {
        foreach (var held in interrupt ? assignments.All : [])
        {
            // Deferred like the assignments: an assignment still waiting for its point to be journaled must reach the worker first.
            DeferAsync(new StopTrial(held.Trial.Id), stop => held.Worker.Tell(stop));
        }
    }

    private void OnAwaitCompletion()
    {
        if (completion.Await(Sender) is { } summary)
        {
            Sender.Tell(new SweepCompleted(summary));
        }
    }

    private bool TryDispatch(IActorRef worker)
    {
        var request = workers.RequestOf(worker) ?? RequestTrial.Instance;
        var pack = dispatcher.NextPack(request.MaxPack, workers.Count, request.NodeSlots, request.PackLimits, Generate);
        if (pack.Count == 0)
        {
            CompleteIfSettled();
            return false;
        }
        var info = workers.InfoOf(worker);
        var held = pack.Select(trial => new Assignment(trial, tally.AttemptsOf(trial.Index) + 1, worker, info)).ToList();
        if (fitter.Fit(worker, held, out var tooLarge) is not { } message)
        {
            Settle(held[0].Trial.Index, held[0].Trial.SweptValues, tooLarge!, held[0].Attempt);
            return TryDispatch(worker);
        }
        assignments.Hold(worker, held, message, DateTimeOffset.UtcNow);
        SendAfterJournal(worker, message);
        foreach (var assignment in held)
        {
            counters.Dispatched();
            sweep.Trials.WriteWith(LogLevel.InfoLevel, assignment.Trial.Id, info.Name, info.Node, [new("Device", info.Device), new("Pack", held.Count)],
                EventTemplates.TrialStarted, assignment.Trial.Id, info.Name);
        }
        return true;
    }

    /// <summary>An assignment not acknowledged in time is sent again; after the last send its trials go back to the queue.</summary>
    private void OnCheckLeases()
    {
        foreach (var expiry in assignments.Expire(DateTimeOffset.UtcNow))
        {
            var first = assignments.HeldBy(expiry.Worker)[0];
            if (expiry.Resend)
            {
                sweep.Trials.Write(LogLevel.WarningLevel, first.Trial.Id, first.Info.Name, first.Info.Node,
                    EventTemplates.AssignmentResent, first.Trial.Id, first.Info.Name, expiry.Sends, sweep.Settings.Lease.TotalSeconds);
                expiry.Worker.Tell(expiry.Message);
                continue;
            }
            RequeueEach(Enumerable.Reverse(assignments.Release(expiry.Worker)), LogLevel.ErrorLevel, EventTemplates.TrialRequeuedUnacknowledged, expiry.Sends);
            // It may be waiting for an answer that never came: it gets the next one when there is work.
            workers.Park(expiry.Worker);
            if (!completion.Stopping)
            {
                DispatchToIdle();
            }
        }
        CompleteIfSettled();
    }

    /// <summary>New points of an adaptive search are journaled before the trials that carry them reach a worker.</summary>
    private void SendAfterJournal(IActorRef worker, object assignment)
    {
        var points = search.TakeUnjournaled();
        if (points.Count == 0)
        {
            worker.Tell(assignment);
            return;
        }
        PersistAllAsync(points.Select(p => new TrialSuggested(p.Index, p.Point)).ToList(), _ => { });
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
    private TrialSpec? Generate(long index)
    {
        var trial = search.TryGenerate(index, out var failure);
        if (failure is not null)
        {
            Settle(index, [], failure, sweep.Settings.MaxAttempts);
        }
        return trial;
    }

    private void CompleteIfSettled()
    {
        if (completion.TryComplete(assignments.IsEmpty) is not { } waiters)
        {
            return;
        }
        var summary = completion.Summary!;
        sweep.Log.Info(EventTemplates.SweepFinished, sweep.Id, tally.Done, tally.Failed);
        foreach (var waiter in waiters)
        {
            waiter.Tell(new SweepCompleted(summary));
        }
        Context.System.EventStream.Publish(new SweepCompleted(summary));
        Timers.Cancel(LeaseTimer);
        foreach (var worker in workers.Workers)
        {
            worker.Tell(new SweepOver(sweep.Id));
        }
        Become(Completed);
    }

    private SweepStatus Status() => completion.Status(assignments.HeldTrials);

    private sealed record CheckLeases
    {
        public static CheckLeases Instance { get; } = new();
    }

    private sealed record SyncTimedOut
    {
        public static SyncTimedOut Instance { get; } = new();
    }
}
