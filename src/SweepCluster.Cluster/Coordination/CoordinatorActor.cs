using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// Owns one sweep. Workers pull: a free worker asks, and gets the next trial (a put-back one first, else the
/// next index; trials are generated one at a time). Every worker is watched; a dead worker's trial goes back
/// to the front of the queue. A failed trial is retried up to the limit; diverged and interrupted trials are
/// finished. Phases: Running (dispatching) → Stopping (no new trials; running ones end) → Completed.
/// Of finished trials it keeps only their indices (a bitmap), not their results.
/// </summary>
public sealed class CoordinatorActor : ReceiveActor
{
    private readonly ITrialSource source;
    private readonly IActorRef results;
    private readonly CoordinatorSettings settings;
    private readonly TrialQueue queue;
    private readonly string sweepId;
    private readonly ILoggingAdapter log;
    private readonly TrialLog trialLog;
    private readonly Dictionary<IActorRef, WorkerInfo> workers = [];
    private readonly Dictionary<IActorRef, Assignment> assignments = [];
    private readonly Queue<IActorRef> idle = new();
    private readonly HashSet<IActorRef> idleSet = [];
    private readonly Dictionary<long, int> failedAttempts = [];
    private readonly List<IActorRef> waiters = [];
    private long done;
    private long failed;
    private long interrupted;
    private long dispatches;
    private long resultsSeen;
    private long busyTicks;
    private bool stopping;
    private SweepSummary? summary;

    public CoordinatorActor(ITrialSource source, IActorRef results, CoordinatorSettings settings)
    {
        this.source = source;
        this.results = results;
        this.settings = settings;
        sweepId = source.SweepName;
        queue = new TrialQueue(source.Count);
        log = Context.GetLogger().WithContext("SweepId", sweepId);
        trialLog = new TrialLog(log);
        Running();
    }

    public static Props Props(ITrialSource source, IActorRef results, CoordinatorSettings settings) =>
        Akka.Actor.Props.Create(() => new CoordinatorActor(source, results, settings));

    protected override void PreStart()
    {
        // Metric and Goal ride along as properties so that `monitor` knows what "best" means.
        log.WithContext("Metric", source.Metric.Name).WithContext("Goal", source.Metric.Goal.ToString().ToLowerInvariant())
            .Info("Sweep {SweepId} started: {Total} trials, {MaxAttempts} attempts each", sweepId, queue.Total, settings.MaxAttempts);
        CompleteIfSettled();
    }

    private void Running()
    {
        Queries();
        Receive<RegisterWorker>(OnRegister);
        Receive<RequestTrial>(_ => Timed(OnRequestTrial));
        Receive<TrialProgress>(OnProgress);
        Receive<TrialFinished>(message => Timed(() => OnFinished(message)));
        Receive<Terminated>(OnTerminated);
        Receive<StopSweep>(OnStop);
    }

    private void Stopping()
    {
        Queries();
        Receive<RegisterWorker>(OnRegister);
        Receive<RequestTrial>(_ => Park(Sender));
        Receive<TrialProgress>(OnProgress);
        Receive<TrialFinished>(OnFinished);
        Receive<Terminated>(OnTerminated);
        Receive<StopSweep>(message => InterruptRunning(message.InterruptRunning));
    }

    private void Completed()
    {
        Queries();
        Receive<TrialFinished>(message => log.Debug("Trial {TrialId} result after the sweep ended: ignored", message.Result.TrialId));
        Receive<RegisterWorker>(_ => { });
        Receive<RequestTrial>(_ => { });
        Receive<TrialProgress>(_ => { });
        Receive<Terminated>(_ => { });
        Receive<StopSweep>(_ => { });
    }

    private void Queries()
    {
        Receive<GetSweepStatus>(_ => Sender.Tell(Status()));
        Receive<GetCoordinatorStats>(_ => Sender.Tell(new CoordinatorStats(dispatches, resultsSeen, busyTicks)));
        Receive<AwaitCompletion>(_ => OnAwaitCompletion());
    }

    private void OnRegister(RegisterWorker message)
    {
        if (workers.TryAdd(Sender, new WorkerInfo(message.Name, message.Node)))
        {
            Context.Watch(Sender);
            log.Info("Worker {Worker} registered on {Node}", message.Name, message.Node);
        }
    }

    private void OnRequestTrial()
    {
        var worker = Sender;
        if (!workers.ContainsKey(worker))
        {
            OnRegister(new RegisterWorker(worker.Path.Name, worker.Path.Address.ToString()));
        }
        // A worker asks only when it holds nothing; if we think it holds a trial, it lost it (e.g. restarted).
        if (assignments.Remove(worker, out var lost))
        {
            queue.PutBackFirst(lost.Trial.Index);
            trialLog.Write(LogLevel.WarningLevel, lost.Trial.Id, lost.Info.Name, lost.Info.Node,
                "Trial {TrialId} re-queued: worker {Worker} asked for new work", lost.Trial.Id, lost.Info.Name);
        }
        if (!TryDispatch(worker))
        {
            Park(worker);
        }
    }

    private void OnProgress(TrialProgress message)
    {
        if (assignments.TryGetValue(Sender, out var held))
        {
            trialLog.Write(LogLevel.DebugLevel, message.TrialId, held.Info.Name, held.Info.Node,
                "Trial {TrialId} epoch {Epoch}: val_loss={ValLoss}", message.TrialId, message.Epoch.Epoch, message.Epoch.ValLoss);
        }
    }

    private void OnFinished(TrialFinished message)
    {
        resultsSeen++;
        var index = message.Index;
        var result = message.Result;
        var held = assignments.TryGetValue(Sender, out var a) && a.Trial.Index == index ? a : null;
        if (held is not null)
        {
            assignments.Remove(Sender);
        }
        if (queue.Settled.Contains(index))
        {
            trialLog.Write(LogLevel.DebugLevel, result.TrialId, result.Worker, result.Node, "Trial {TrialId} duplicate result ignored", result.TrialId);
            return;
        }
        var trial = held?.Trial ?? TryGenerate(index);
        if (trial is null)
        {
            return;
        }
        var attempt = failedAttempts.GetValueOrDefault(index) + 1;
        if (result.Status == TrialStatus.Failed && attempt < settings.MaxAttempts)
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
        failedAttempts[trial.Index] = attempt;
        trialLog.Write(LogLevel.WarningLevel, trial.Id, result.Worker, result.Node,
            "Trial {TrialId} failed (attempt {Attempt}/{MaxAttempts}): {Reason}", trial.Id, attempt, settings.MaxAttempts, result.Reason ?? "");
        // While stopping, a failed trial is left unfinished rather than retried: a later run can retry it.
        if (!stopping)
        {
            queue.PutBackFirst(trial.Index);
            DispatchToIdle();
        }
    }

    private void Settle(long index, IReadOnlyList<SweptValue> sweptValues, TrialResult result, int attempt)
    {
        queue.Settled.Add(index);
        failedAttempts.Remove(index);
        if (result.Status == TrialStatus.Failed)
        {
            failed++;
            trialLog.Write(LogLevel.WarningLevel, result.TrialId, result.Worker, result.Node,
                "Trial {TrialId} failed (attempt {Attempt}/{MaxAttempts}): {Reason}", result.TrialId, attempt, settings.MaxAttempts, result.Reason ?? "");
        }
        else
        {
            done++;
            interrupted += result.Status == TrialStatus.Interrupted ? 1 : 0;
            trialLog.Write(LogLevel.InfoLevel, result.TrialId, result.Worker, result.Node,
                "Trial {TrialId} finished: val_loss={ValLoss} sparsity={Sparsity}", result.TrialId, result.Metrics?.ValLoss, result.Metrics?.Sparsity);
        }
        results.Tell(new RecordResult(new LeaderboardEntry(index, sweptValues, result)));
    }

    private void OnTerminated(Terminated message)
    {
        var worker = message.ActorRef;
        workers.Remove(worker);
        idleSet.Remove(worker);
        if (assignments.Remove(worker, out var lost))
        {
            queue.PutBackFirst(lost.Trial.Index);
            trialLog.Write(LogLevel.WarningLevel, lost.Trial.Id, lost.Info.Name, lost.Info.Node,
                "Trial {TrialId} re-queued: worker {Worker} terminated", lost.Trial.Id, lost.Info.Name);
            if (!stopping)
            {
                DispatchToIdle();
            }
        }
        CompleteIfSettled();
    }

    private void OnStop(StopSweep message)
    {
        stopping = true;
        log.Info("Sweep {SweepId} stopping: {Running} trials running", sweepId, assignments.Count);
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
        foreach (var held in assignments.Values)
        {
            held.Worker.Tell(new StopTrial(held.Trial.Id));
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
        while (queue.TryTake(out var index))
        {
            var trial = TryGenerate(index);
            if (trial is null)
            {
                continue;
            }
            var info = workers[worker];
            var attempt = failedAttempts.GetValueOrDefault(index) + 1;
            assignments[worker] = new Assignment(trial, attempt, worker, info);
            worker.Tell(new AssignTrial(trial, attempt));
            dispatches++;
            trialLog.Write(LogLevel.InfoLevel, trial.Id, info.Name, info.Node, "Trial {TrialId} started on {Worker}", trial.Id, info.Name);
            return true;
        }
        CompleteIfSettled();
        return false;
    }

    private void DispatchToIdle()
    {
        while (idle.TryDequeue(out var worker))
        {
            if (!idleSet.Remove(worker))
            {
                continue; // terminated while parked
            }
            if (!TryDispatch(worker))
            {
                Park(worker);
                return;
            }
        }
    }

    private void Park(IActorRef worker)
    {
        if (workers.ContainsKey(worker) && idleSet.Add(worker))
        {
            idle.Enqueue(worker);
        }
    }

    // A trial the source cannot generate fails for good at once: retrying would regenerate the same error.
    private TrialSpec? TryGenerate(long index)
    {
        try
        {
            return source.TrialAt(index);
        }
        catch (Exception e)
        {
            var id = TrialSpec.IdFor(sweepId, index);
            Settle(index, [], new TrialResult(id, TrialStatus.Failed, $"cannot generate trial: {e.Message}", null, []), settings.MaxAttempts);
            return null;
        }
    }

    private void CompleteIfSettled()
    {
        if (summary is not null || !(queue.AllSettled || (stopping && assignments.Count == 0)))
        {
            return;
        }
        summary = new SweepSummary(sweepId, queue.Total, done, failed, interrupted, queue.Total - queue.Settled.Count, stopping);
        log.Info("Sweep {SweepId} finished: {Done} done, {Failed} failed", sweepId, done, failed);
        foreach (var waiter in waiters)
        {
            waiter.Tell(new SweepCompleted(summary));
        }
        waiters.Clear();
        Become(Completed);
    }

    private SweepStatus Status()
    {
        var running = assignments.Count;
        var queued = queue.Total - done - failed - running;
        return new SweepStatus(sweepId, queue.Total, done, running, queued, failed, stopping);
    }

    private void Timed(Action handle)
    {
        var start = Stopwatch.GetTimestamp();
        handle();
        busyTicks += Stopwatch.GetTimestamp() - start;
    }
}
