using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Workers;

/// <summary>
/// One device slot. Registers with the coordinator and asks for work whenever it is free (Idle): one trial, or a
/// pack of compatible trials when its trainer packs. It trains off the actor's thread and pipes the results back
/// (Training), so that status queries and stop requests are answered meanwhile. The first trial of each kind (pack
/// key) comes alone; while training it the worker asks its trainer how many such trials pay as a pack on this device
/// and sends that limit with its next requests. Of a larger pack it would keep the limit and hand the rest back.
/// A trainer exception becomes a Failed result; a stopped trial, Interrupted.
/// On a cluster it re-registers until acknowledged (and after a coordinator hand-over), gives its trial back
/// when its node shuts down (HandedBack), and ends with the sweep (Over).
/// </summary>
public sealed class WorkerActor : ReceiveActor, IWithTimers
{
    private const string RegisterTimer = "register";

    private readonly IActorRef coordinator;
    private readonly ITrialTrainer trainer;
    private readonly WorkerSettings settings;
    private readonly TrialLog log;
    private IReadOnlyList<AssignTrial> current = [];
    private readonly Dictionary<string, int> packLimits = [];
    private readonly FrameBudget? frame = FrameBudget.Of(Context.System);
    private CancellationTokenSource? cancellation;
    private EpochVerdicts? verdicts;
    private readonly Dictionary<string, EpochRecord> lastReported = [];
    private int? lastEpoch;
    private IActorRef? registeredWith;
    private IActorRef? lastCoordinator;

    public WorkerActor(IActorRef coordinator, ITrialTrainer trainer, WorkerSettings settings)
    {
        this.coordinator = coordinator;
        this.trainer = trainer;
        this.settings = settings;
        log = new TrialLog(Context.GetLogger());
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, ITrialTrainer trainer, WorkerSettings settings) =>
        Akka.Actor.Props.Create(() => new WorkerActor(coordinator, trainer, settings));

    protected override void PreStart()
    {
        Register();
        RequestWork();
        KeepRegistering();
    }

    private void Register() => coordinator.Tell(new RegisterWorker(settings.Name, settings.Node, settings.Device));

    private void RequestWork() => coordinator.Tell(trainer.MaxPackSize > 1
        ? new RequestTrial(trainer.MaxPackSize, new Dictionary<string, int>(packLimits), settings.NodeSlots)
        : RequestTrial.Instance);

    private void KeepRegistering()
    {
        if (settings.RegisterInterval is { } interval)
        {
            Timers.StartPeriodicTimer(RegisterTimer, new Reregister(), interval);
        }
    }

    private void Cluster()
    {
        Receive<WorkerRegistered>(_ => OnRegistered());
        Receive<Reregister>(_ => Register());
        Receive<Terminated>(OnCoordinatorGone);
        Receive<SweepOver>(OnSweepOver);
        Receive<GetWorkerStatus>(_ => ReplyStatus());
    }

    // A new coordinator (after a hand-over or a restart) never saw this worker's request: ask again when idle.
    private void OnRegistered()
    {
        Timers.Cancel(RegisterTimer);
        var isNew = lastCoordinator is not null && !lastCoordinator.Equals(Sender);
        registeredWith = Sender;
        lastCoordinator = Sender;
        Context.Watch(Sender);
        if (isNew && current.Count == 0)
        {
            RequestWork();
        }
    }

    private void OnCoordinatorGone(Terminated message)
    {
        if (!message.ActorRef.Equals(registeredWith))
        {
            return;
        }
        registeredWith = null;
        // Nobody is left to answer at the next decision epoch: the running trials go on to their end.
        verdicts?.OpenAll();
        log.Adapter.Warning(EventTemplates.WorkerCoordinatorGone, settings.Name);
        KeepRegistering();
    }

    private void OnSweepOver(SweepOver message)
    {
        cancellation?.Cancel();
        Timers.CancelAll();
        Context.System.EventStream.Publish(message);
        Become(Over);
    }

    private void Over()
    {
        Receive<GetWorkerStatus>(_ => ReplyStatus());
        Receive<HandBackTrial>(_ => Sender.Tell(new TrialHandedBack(null)));
        ReceiveAny(_ => { });
    }

    private void HandedBack()
    {
        Receive<GetWorkerStatus>(_ => ReplyStatus());
        Receive<HandBackTrial>(_ => Sender.Tell(new TrialHandedBack(null)));
        ReceiveAny(_ => { }); // the cancelled training's result is not reported: the trial runs again elsewhere
    }

    private void HandBack()
    {
        Timers.CancelAll();
        var held = current.Select(a => a.Trial).ToList();
        foreach (var trial in held)
        {
            coordinator.Tell(new ReturnTrial(trial.Index, trial.Id));
            log.Write(LogLevel.InfoLevel, trial.Id, settings.Name, settings.Node, EventTemplates.TrialHandedBack, trial.Id, settings.Name);
        }
        cancellation?.Cancel();
        current = [];
        Sender.Tell(new TrialHandedBack(held.Count == 0 ? null : string.Join(",", held.Select(t => t.Id))));
        Become(HandedBack);
    }

    // A stopped worker must not leave its trial training on a thread nobody listens to.
    protected override void PostStop() => cancellation?.Cancel();

    private void Idle()
    {
        Receive<AssignTrial>(assignment => Start([assignment]));
        Receive<AssignPack>(pack => Start(pack.Trials));
        Receive<StopTrial>(_ => { });
        Receive<EpochVerdict>(_ => { });
        Receive<HandBackTrial>(_ => HandBack());
        Cluster();
    }

    private void Training()
    {
        Receive<EpochDone>(OnEpoch);
        Receive<PackSizing>(OnSized);
        Receive<TrainingDone>(OnDone);
        Receive<StopTrial>(OnStop);
        Receive<EpochVerdict>(OnVerdict);
        Receive<VerdictOverdue>(OnVerdictOverdue);
        Receive<HandBackTrial>(_ => HandBack());
        Receive<AssignTrial>(assignment => OnAssignedWhileTraining([assignment]));
        Receive<AssignPack>(pack => OnAssignedWhileTraining(pack.Trials));
        Cluster();
    }

    /// <summary>
    /// The coordinator sent this assignment again (its lease ran out before the acknowledgement arrived): acknowledge it
    /// again. Trials this worker does not hold cannot start now; they go back at once.
    /// </summary>
    private void OnAssignedWhileTraining(IReadOnlyList<AssignTrial> assignments)
    {
        var held = current.Select(a => a.Trial.Index).ToHashSet();
        var repeated = assignments.Where(a => held.Contains(a.Trial.Index)).Select(a => a.Trial.Index).ToList();
        if (repeated.Count > 0)
        {
            Sender.Tell(new AssignmentStarted(repeated));
        }
        foreach (var other in assignments.Where(a => !held.Contains(a.Trial.Index)).Reverse())
        {
            Sender.Tell(new ReturnTrial(other.Trial.Index, other.Trial.Id));
        }
    }

    private void Start(IReadOnlyList<AssignTrial> assignments)
    {
        // Closes the assignment's lease at the coordinator (the sender), before anything slow happens here.
        Sender.Tell(new AssignmentStarted([.. assignments.Select(a => a.Trial.Index)]));
        current = assignments;
        lastEpoch = null;
        cancellation = new CancellationTokenSource();
        foreach (var assignment in assignments)
        {
            var trial = assignment.Trial;
            log.WriteWith(LogLevel.DebugLevel, trial.Id, settings.Name, settings.Node,
                [new("SweepId", trial.SweepName), new("Epochs", trial.Training.TotalEpochs), new("Device", settings.Device), new("Pack", assignments.Count)],
                EventTemplates.TrialTraining, trial.Id, settings.Name, assignment.Attempt);
        }
        var self = Self;
        var token = cancellation.Token;
        var model = trainer;
        var trials = assignments.Select(a => a.Trial).ToList();
        verdicts = new EpochVerdicts([.. assignments.Select(a => (IReadOnlySet<int>)(a.DecisionEpochs ?? []).ToHashSet())],
            settings.VerdictResendAfter ?? WorkerSettings.DefaultVerdictResendAfter, (position, epoch) => self.Tell(new VerdictOverdue(position, epoch)), token);
        TrialGate? gate = verdicts.Gated ? verdicts.GoOn : null;
        var options = settings.DedicatedThread ? TaskCreationOptions.LongRunning : TaskCreationOptions.None;
        Task.Factory
            .StartNew(() => SlotTraining.Run(model, trials, sized => self.Tell(sized),
                (position, epoch) => self.Tell(new EpochDone(trials[position].Id, epoch)), gate, token), CancellationToken.None, options, TaskScheduler.Default)
            .PipeTo(self, success: results => new TrainingDone(results),
                failure: e => new TrainingDone(trials.Select(t => SlotTraining.Transient(t, e)).ToList()));
        Become(Training);
    }

    // The trainer's limit for this kind of trial rides along with the next requests. Should a pack be larger (the
    // limit changed), the worker keeps the limit's worth and the rest goes back to the queue at once.
    private void OnSized(PackSizing message)
    {
        if (message.Limit is { } limit)
        {
            packLimits[PackLimitKey.Of(current[0].Trial)] = limit;
        }
        if (message.Keep >= current.Count)
        {
            return;
        }
        // The coordinator puts each returned trial at the front of its queue: last first keeps their order.
        foreach (var surplus in current.Skip(message.Keep).Reverse())
        {
            coordinator.Tell(new ReturnTrial(surplus.Trial.Index, surplus.Trial.Id));
        }
        log.Adapter.Debug(EventTemplates.WorkerPackTrimmed, settings.Name, message.Keep, current.Count);
        current = current.Take(message.Keep).ToList();
    }

    private void OnEpoch(EpochDone message)
    {
        if (current.All(a => a.Trial.Id != message.TrialId))
        {
            return;
        }
        lastEpoch = message.Epoch.Epoch;
        var trial = current.First(a => a.Trial.Id == message.TrialId).Trial;
        lastReported[trial.Id] = message.Epoch;
        coordinator.Tell(new TrialProgress(message.TrialId, message.Epoch, trial.Index));
    }

    // The verdict for a decision epoch is late (lost with a connection, or a coordinator that restarted meanwhile): report
    // the epoch again; the scheduler answers a repeated report with the decision it gave the first time.
    private void OnVerdictOverdue(VerdictOverdue message)
    {
        if (message.Position >= current.Count || !lastReported.TryGetValue(current[message.Position].Trial.Id, out var epoch) || epoch.Epoch != message.Epoch)
        {
            return;
        }
        var trial = current[message.Position].Trial;
        log.Write(LogLevel.WarningLevel, trial.Id, settings.Name, settings.Node, EventTemplates.TrialVerdictOverdue, trial.Id, message.Epoch);
        coordinator.Tell(new TrialProgress(trial.Id, epoch, trial.Index));
    }

    // The scheduler's word for a decision epoch; the training thread may be waiting for it already, or get there later.
    private void OnVerdict(EpochVerdict message)
    {
        var position = current.ToList().FindIndex(a => a.Trial.Id == message.TrialId);
        if (position >= 0)
        {
            verdicts?.Post(position, message.Epoch, message.Stop, message.Reason);
        }
    }

    private void OnDone(TrainingDone message)
    {
        foreach (var (position, (assignment, outcome)) in current.Zip(message.Results).Index())
        {
            var trial = assignment.Trial;
            var reason = outcome.Status == TrialStatus.StoppedEarly ? verdicts?.StopReason(position) ?? outcome.Reason : outcome.Reason;
            // The trained network travels only when the coordinator asked for it: most results cannot enter the top K.
            var model = assignment.Model?.Wants(outcome) == true ? outcome.Model : null;
            var result = outcome with { TrialId = trial.Id, Worker = settings.Name, Node = settings.Node, Device = settings.Device, Reason = reason, Model = model };
            LogResult(trial, result);
            coordinator.Tell(Deliverable(new TrialFinished(trial.Index, result)));
        }
        cancellation?.Dispose();
        cancellation = null;
        verdicts = null;
        lastReported.Clear();
        current = [];
        lastEpoch = null;
        RequestWork();
        Become(Idle);
    }

    /// <summary>
    /// A result whose model would not fit one remoting frame goes without the model (an error in the log): a dropped result
    /// would run its trial again, and be dropped again.
    /// </summary>
    private TrialFinished Deliverable(TrialFinished finished)
    {
        if (finished.Result.Model is null || frame is null || frame.PayloadBytes(finished) is var bytes && bytes <= frame.MaxPayloadBytes)
        {
            return finished;
        }
        log.Write(LogLevel.ErrorLevel, finished.Result.TrialId, settings.Name, settings.Node, EventTemplates.ModelTooLargeToSend,
            finished.Result.TrialId, bytes, frame.MaxPayloadBytes);
        return finished with { Result = finished.Result with { Model = null } };
    }

    private void OnStop(StopTrial message)
    {
        if (current.Any(a => a.Trial.Id == message.TrialId))
        {
            log.Write(LogLevel.InfoLevel, message.TrialId, settings.Name, settings.Node, EventTemplates.TrialStopRequested, message.TrialId, settings.Name);
            cancellation?.Cancel();
        }
    }

    // What the coordinator's "finished" line leaves out and `monitor` shows: status, swept values, metrics, throughput.
    private void LogResult(TrialSpec trial, TrialResult result)
    {
        var metrics = result.Metrics;
        var extra = new Dictionary<string, object?>
        {
            ["SweepId"] = trial.SweepName,
            ["Device"] = settings.Device,
            ["Parameters"] = trial.SweptValues.ToDictionary(v => v.Name, v => v.Text),
            ["Reason"] = result.Reason,
            ["FailureKind"] = result.FailureKind is { } kind ? RetryPolicy.KindText(kind) : null,
            ["ActiveInputNames"] = metrics?.ActiveInputNames,
            ["ActiveNeurons"] = metrics?.ActiveNeurons,
            ["Seconds"] = metrics?.Seconds,
        };
        // Every ranking metric the trial has (the task's: val_accuracy, or val_r2, val_rmse, val_mae), by the table monitor reads.
        foreach (var metric in MetricTable.All.Where(m => m.AppliesTo(trial.Data.Task)))
        {
            extra[metric.Property] = metrics is null ? null : metric.OfTrial(metrics);
        }
        log.WriteWith(LogLevel.DebugLevel, trial.Id, settings.Name, settings.Node, extra,
            EventTemplates.TrialResult,
            trial.Id, settings.Name, LeaderboardColumns.StatusText(result.Status), metrics?.EpochsRun ?? 0, metrics?.SamplesPerSecond ?? 0);
    }

    // A pack shows as its first trial, "+N" more.
    private void ReplyStatus() => Sender.Tell(new WorkerStatus(settings.Name, settings.Node,
        current.Count switch { 0 => null, 1 => current[0].Trial.Id, _ => $"{current[0].Trial.Id} +{current.Count - 1}" },
        lastEpoch, current.Count > 0 ? current[0].Trial.Training.TotalEpochs : null));

    private sealed record EpochDone(string TrialId, EpochRecord Epoch);

    private sealed record TrainingDone(IReadOnlyList<TrialResult> Results);

    private sealed record Reregister;

    /// <summary>From the training thread: the trial at <paramref name="Position"/> still waits for its verdict after <paramref name="Epoch"/>.</summary>
    private sealed record VerdictOverdue(int Position, int Epoch);
}
