using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Trainer;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Workers;

/// <summary>
/// One device slot. Registers with the coordinator and asks for a trial whenever it is free (Idle), trains it
/// off the actor's thread and pipes the result back (Training), so that status queries and stop requests are
/// answered while a trial trains. A trainer exception becomes a Failed result; a stopped trial, Interrupted.
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
    private AssignTrial? current;
    private CancellationTokenSource? cancellation;
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
        coordinator.Tell(RequestTrial.Instance);
        KeepRegistering();
    }

    private void Register() => coordinator.Tell(new RegisterWorker(settings.Name, settings.Node, settings.Device));

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
        if (isNew && current is null)
        {
            coordinator.Tell(RequestTrial.Instance);
        }
    }

    private void OnCoordinatorGone(Terminated message)
    {
        if (!message.ActorRef.Equals(registeredWith))
        {
            return;
        }
        registeredWith = null;
        log.Adapter.Warning("Worker {Worker}: the coordinator is gone; registering again", settings.Name);
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
        var held = current?.Trial;
        if (held is not null)
        {
            coordinator.Tell(new ReturnTrial(held.Index, held.Id));
            log.Write(LogLevel.InfoLevel, held.Id, settings.Name, settings.Node, "Trial {TrialId} handed back by {Worker}: its node is shutting down", held.Id, settings.Name);
            cancellation?.Cancel();
            current = null;
        }
        Sender.Tell(new TrialHandedBack(held?.Id));
        Become(HandedBack);
    }

    // A stopped worker must not leave its trial training on a thread nobody listens to.
    protected override void PostStop() => cancellation?.Cancel();

    private void Idle()
    {
        Receive<AssignTrial>(Start);
        Receive<StopTrial>(_ => { });
        Receive<HandBackTrial>(_ => HandBack());
        Cluster();
    }

    private void Training()
    {
        Receive<EpochDone>(OnEpoch);
        Receive<TrainingDone>(OnDone);
        Receive<StopTrial>(OnStop);
        Receive<HandBackTrial>(_ => HandBack());
        Cluster();
    }

    private void Start(AssignTrial assignment)
    {
        current = assignment;
        lastEpoch = null;
        cancellation = new CancellationTokenSource();
        var trial = assignment.Trial;
        log.WriteWith(LogLevel.DebugLevel, trial.Id, settings.Name, settings.Node, [new("SweepId", trial.SweepName), new("Epochs", trial.Training.Epochs), new("Device", settings.Device)],
            "Trial {TrialId} training on {Worker} (attempt {Attempt})", trial.Id, settings.Name, assignment.Attempt);
        var self = Self;
        var token = cancellation.Token;
        var model = trainer;
        var options = settings.DedicatedThread ? TaskCreationOptions.LongRunning : TaskCreationOptions.None;
        Task.Factory
            .StartNew(() => TrainSafely(model, trial, epoch => self.Tell(new EpochDone(trial.Id, epoch)), token), CancellationToken.None, options, TaskScheduler.Default)
            .PipeTo(self, success: result => new TrainingDone(trial.Id, result),
                failure: e => new TrainingDone(trial.Id, new TrialResult(trial.Id, TrialStatus.Failed, e.Message, null, [])));
        Become(Training);
    }

    private void OnEpoch(EpochDone message)
    {
        if (current?.Trial.Id != message.TrialId)
        {
            return;
        }
        lastEpoch = message.Epoch.Epoch;
        coordinator.Tell(new TrialProgress(message.TrialId, message.Epoch));
    }

    private void OnDone(TrainingDone message)
    {
        var trial = current!.Trial;
        var result = message.Result with { TrialId = trial.Id, Worker = settings.Name, Node = settings.Node, Device = settings.Device };
        LogResult(trial, result);
        cancellation?.Dispose();
        cancellation = null;
        current = null;
        lastEpoch = null;
        coordinator.Tell(new TrialFinished(trial.Index, result));
        coordinator.Tell(RequestTrial.Instance);
        Become(Idle);
    }

    private void OnStop(StopTrial message)
    {
        if (current?.Trial.Id == message.TrialId)
        {
            log.Write(LogLevel.InfoLevel, message.TrialId, settings.Name, settings.Node, "Trial {TrialId} stop requested on {Worker}", message.TrialId, settings.Name);
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
            ["ValLoss"] = metrics?.ValLoss,
            ["ValAccuracy"] = metrics?.ValAccuracy,
            ["TrainLoss"] = metrics?.TrainLoss,
            ["Sparsity"] = metrics?.Sparsity,
            ["L1Norm"] = metrics?.L1Norm,
            ["ActiveInputs"] = metrics?.ActiveInputs,
            ["Seconds"] = metrics?.Seconds,
        };
        log.WriteWith(LogLevel.DebugLevel, trial.Id, settings.Name, settings.Node, extra,
            "Trial {TrialId} result on {Worker}: {Status} after {EpochsRun} epochs, {SamplesPerSecond} samples/s",
            trial.Id, settings.Name, result.Status.ToString().ToLowerInvariant(), metrics?.EpochsRun ?? 0, metrics?.SamplesPerSecond ?? 0);
    }

    private void ReplyStatus() => Sender.Tell(new WorkerStatus(settings.Name, settings.Node, current?.Trial.Id, lastEpoch, current?.Trial.Training.Epochs));

    private static TrialResult TrainSafely(ITrialTrainer trainer, TrialSpec trial, Action<EpochRecord> onEpoch, CancellationToken token)
    {
        try
        {
            return trainer.Train(trial, onEpoch, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new TrialResult(trial.Id, TrialStatus.Interrupted, "stopped", null, []);
        }
        catch (Exception e)
        {
            return new TrialResult(trial.Id, TrialStatus.Failed, e.Message, null, []);
        }
    }

    private sealed record EpochDone(string TrialId, EpochRecord Epoch);

    private sealed record TrainingDone(string TrialId, TrialResult Result);

    private sealed record Reregister;
}
