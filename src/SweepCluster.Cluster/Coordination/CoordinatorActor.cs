using SweepCluster.Core.Monitoring;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Coordination.CoordinatorTimers;
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
/// (<see cref="DispatchDesk"/> over the <see cref="TrialDispatcher"/> and the <see cref="WorkerPool{TWorker,TInfo,TRequest}"/>,
/// <see cref="AssignmentDesk"/>, <see cref="ResultDesk"/>, <see cref="EpochRuling"/>, <see cref="TrialSearch"/>,
/// <see cref="SweepTally"/>, <see cref="SweepCompletion{TWaiter}"/>, <see cref="SweepRecovery"/>); see docs/architecture.md.
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private readonly SweepContext sweep;
    private readonly SweepTally tally;
    private readonly TrialSearch search;
    private readonly WorkerPool<IActorRef, WorkerInfo, RequestTrial> workers = new();
    private readonly AssignmentDesk assignments;
    private readonly ResultDesk settlements;
    private readonly DispatchDesk dispatch;
    private readonly DispatchCounters counters = new();
    private readonly SweepCompletion<IActorRef> completion;
    private readonly SweepRecovery recovery;
    private readonly SweepAnnouncer announce;

    public CoordinatorActor(ITrialSource source, IActorRef results, CoordinatorSettings settings)
    {
        var log = Context.GetLogger().WithContext("SweepId", source.SweepName);
        sweep = new SweepContext(source.SweepName, source, settings, results, new TrialLog(log));
        var plan = source.DispatchPlan();
        var queue = new TrialQueue(source.Count, plan);
        tally = new SweepTally(queue);
        // Fresh per incarnation: the journal's replay below rebuilds the search and the scheduler, so a restarted coordinator decides as before.
        search = new TrialSearch(source);
        var modelBar = new ModelBar(source.Metric, settings.KeepModels, source.Objectives.Count);
        assignments = new AssignmentDesk(sweep, queue, tally, AssignmentFitter.Of(FrameBudget.Of(Context.System), queue, search, modelBar, sweep.Trials));
        settlements = new ResultDesk(sweep, queue, tally, search, modelBar);
        dispatch = new DispatchDesk(sweep, new TrialDispatcher(queue, new PackShare(plan)), workers, assignments, settlements, search, counters);
        completion = new SweepCompletion<IActorRef>(sweep.Id, queue, tally);
        recovery = new SweepRecovery(settings.NewSyncBound());
        announce = new SweepAnnouncer(sweep, Context.System.EventStream);
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
        if (recovery.RefusalReason(PersistenceId, sweep.Settings.DefinitionHash, sweep.Source.Count) is { } reason)
        {
            announce.Refused(reason);
            Become(() => Refused(reason));
            return;
        }
        if (recovery.Started is null)
        {
            PersistAsync(new SweepStarted(sweep.Id, sweep.Settings.DefinitionHash, sweep.Source.Count), started => recovery.Started = started);
        }
        sweep.Results.Tell(GetRecordedTrials.Instance);
        Timers.StartSingleTimer(SyncTimer, SyncTimedOut.Instance, recovery.Sync.Timeout);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        announce.Failed($"the journal could not be read ({PersistenceId}): {reason.Message}");
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        announce.Failed($"the journal could not be written ({PersistenceId}): {cause.Message}");
        base.OnPersistFailure(cause, @event, sequenceNr);
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
        announce.Failed(reason);
        Context.Stop(Self);
    }

    // results.jsonl decides what is finished (see SweepRecovery.Resume); the trials adopted from it are journaled as settled.
    private void OnRecordedTrials(RecordedTrials message)
    {
        Timers.Cancel(SyncTimer);
        var outcome = recovery.Resume(message.Trials, tally, search);
        if (outcome.Adopted.Count > 0)
        {
            PersistAllAsync(outcome.Adopted.Select(t => new TrialSettled(t.Index, t.Status)).ToList(), _ => { });
        }
        sweep.LogStart(outcome, sweep.Source.Count);
        Timers.StartPeriodicTimer(LeaseTimer, CheckLeases.Instance, sweep.Settings.Lease / 2);
        Become(() => Active(stopping: false));
        Stash.UnstashAll();
        CompleteIfSettled();
    }

    private void Refused(string reason)
    {
        Command<AwaitCompletion>(_ => Sender.Tell(new SweepRefused(reason)));
        Command<GetSweepStatus>(_ => Sender.Tell(Status()));
        CommandAny(_ => { });
    }

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
        // The rest (requests, returns, progress, stops, acknowledgements, a last lease check) is moot once the sweep is over.
        CommandAny(_ => { });
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
        Send(dispatch.Serve(worker, request, DateTimeOffset.UtcNow));
    }

    private void Track(IActorRef worker, WorkerInfo info)
    {
        if (workers.Register(worker, info))
        {
            Context.Watch(worker);
            sweep.Log.WithContext("Device", info.Device).Info(EventTemplates.WorkerRegistered, info.Name, info.Node);
        }
    }

    /// <summary>
    /// At a decision epoch the worker waits for the scheduler's answer; a report the scheduler keeps is journaled first, so
    /// that the answer never outruns the journal (see <see cref="EpochRuling"/>).
    /// </summary>
    private void OnProgress(TrialProgress message)
    {
        assignments.LogEpoch(Sender, message);
        if (EpochRuling.Of(search, sweep.Source.Metric.Name, message) is not { } ruling)
        {
            return;
        }
        var worker = Sender;
        if (ruling.Journal is { } report)
        {
            PersistAsync(report, _ => { });
        }
        if (ruling.Verdict is { } verdict)
        {
            // Deferred: it reaches the worker after every pending journal write, this report's included.
            DeferAsync(verdict, answer => worker.Tell(answer));
        }
    }

    private void OnFinished(TrialFinished message)
    {
        counters.ResultSeen();
        var held = assignments.Release(Sender, message.Index);
        var decision = settlements.Decide(message.Index, message.Result, held?.Trial, completion.Stopping);
        if (decision.Journal is { } failed)
        {
            PersistAsync(failed, _ => { });
        }
        if (decision.Record is { } record)
        {
            sweep.Results.Tell(record);
        }
        if (decision.Requeued)
        {
            DispatchToIdle();
        }
        if (decision.Counted)
        {
            CompleteIfSettled();
        }
    }

    private void OnReturn(ReturnTrial message) => AfterRequeue(assignments.HandedBack(Sender, message.Index));

    private void OnTerminated(Terminated message)
    {
        workers.Remove(message.ActorRef);
        AfterRequeue(assignments.Terminated(message.ActorRef));
    }

    // Trials went back to the queue: idle workers get them unless the sweep is stopping; either way it may now be over.
    private void AfterRequeue(bool requeued)
    {
        if (requeued && !completion.Stopping)
        {
            DispatchToIdle();
        }
        CompleteIfSettled();
    }

    private void OnStop(StopSweep message)
    {
        completion.Stop();
        sweep.Log.Info(EventTemplates.SweepStopping, sweep.Id, assignments.HeldTrials);
        Become(() => Active(stopping: true));
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

    /// <summary>An assignment not acknowledged in time is sent again; after the last send its trials go back to the queue.</summary>
    private void OnCheckLeases()
    {
        var round = assignments.Lapse(DateTimeOffset.UtcNow);
        foreach (var resend in round.Resends)
        {
            resend.To.Tell(resend.Message);
        }
        // A lapsed worker may be waiting for an answer that never came: it gets the next one when there is work.
        foreach (var worker in round.Lapsed)
        {
            workers.Park(worker);
        }
        AfterRequeue(round.Lapsed.Count > 0);
    }

    private void DispatchToIdle() => Send(dispatch.ServeIdle(DateTimeOffset.UtcNow));

    /// <summary>
    /// Makes a dispatch's deliveries in order; new points of an adaptive search are journaled before the trials that carry
    /// them reach a worker. When nothing was left to hand out, the sweep may be complete.
    /// </summary>
    private void Send(DispatchRound round)
    {
        foreach (var delivery in round.Deliveries)
        {
            if (delivery.Points.Count == 0)
            {
                delivery.To.Tell(delivery.Message);
                continue;
            }
            PersistAllAsync(delivery.Points.Select(p => new TrialSuggested(p.Index, p.Point)).ToList(), _ => { });
            DeferAsync(delivery, deferred => deferred.To.Tell(deferred.Message));
        }
        if (round.Exhausted)
        {
            CompleteIfSettled();
        }
    }

    private void CompleteIfSettled()
    {
        if (completion.TryComplete(assignments.IsEmpty) is not { } waiters)
        {
            return;
        }
        Timers.Cancel(LeaseTimer);
        announce.Finished(completion.Summary!, waiters, workers.Workers);
        Become(Completed);
    }

    private SweepStatus Status() => completion.Status(assignments.HeldTrials);
}
