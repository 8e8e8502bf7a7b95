using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class WorkerBehaviourTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Worker_acknowledges_an_assignment_to_its_sender_as_it_starts_it()
    {
        // given a worker whose trainer blocks until cancelled
        var coordinator = CreateTestProbe();
        var trainer = new FakeTrainer { Blocks = _ => true };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when it is given a pack of two trials
        worker.Tell(new AssignPack([new AssignTrial(InMemoryTrialSource.Spec(3), 1), new AssignTrial(InMemoryTrialSource.Spec(4), 1)]), coordinator);

        // then the first thing it says is that it started both, which closes the coordinator's lease
        Assert.Equal([3L, 4L], coordinator.ExpectMsg<AssignmentStarted>(Patience).Indices);
        worker.Tell(new StopTrial("test-3"));
    }

    [Fact]
    public void An_assignment_sent_again_while_it_trains_is_acknowledged_again_and_not_trained_twice()
    {
        // given a worker training trial 5 (its acknowledgement is taken as lost)
        var coordinator = CreateTestProbe();
        var trainer = new FakeTrainer { Blocks = _ => true };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();
        var assignment = new AssignTrial(InMemoryTrialSource.Spec(5), 1);
        worker.Tell(assignment, coordinator);
        coordinator.ExpectMsg<AssignmentStarted>(Patience);
        AwaitCondition(() => trainer.Started.Contains("test-5"), Patience);

        // when the coordinator's lease runs out and it sends the same assignment, plus one trial the worker does not hold
        worker.Tell(new AssignPack([assignment, new AssignTrial(InMemoryTrialSource.Spec(6), 1)]), coordinator);

        // then the worker acknowledges trial 5 again, hands trial 6 back at once, and trains trial 5 only once
        Assert.Equal([5L], coordinator.ExpectMsg<AssignmentStarted>(Patience).Indices);
        Assert.Equal(6, coordinator.ExpectMsg<ReturnTrial>(Patience).Index);
        worker.Tell(new StopTrial("test-5"));
        Assert.Equal("test-5", coordinator.ExpectMsg<TrialFinished>(Patience).Result.TrialId);
        Assert.Equal(1, trainer.CallsFor("test-5"));
        Assert.Equal(0, trainer.CallsFor("test-6"));
    }

    /// <summary>A coordinator's probe for the tests of other messages: the acknowledgement of each assignment is not what they check.</summary>
    private TestProbe CoordinatorProbe()
    {
        var probe = CreateTestProbe();
        probe.IgnoreMessages<AssignmentStarted>();
        return probe;
    }

    [Fact]
    public void Worker_answers_status_while_training_and_stops_its_trial_on_request()
    {
        // given a worker whose trainer blocks until cancelled
        var coordinator = CoordinatorProbe();
        var trainer = new FakeTrainer { Blocks = _ => true };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>(m => m.Name == "w0" && m.Node == "node-a");
        coordinator.ExpectMsg<RequestTrial>();

        // when it trains a trial
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0), 1), coordinator);
        AwaitCondition(() => trainer.Started.Contains("test-0"), Patience);
        worker.Tell(GetWorkerStatus.Instance);

        // then it answers while training, and a stop ends the trial as interrupted, stamped with worker and node
        Assert.Equal("test-0", ExpectMsg<WorkerStatus>().TrialId);
        worker.Tell(new StopTrial("test-0"));
        var finished = coordinator.ExpectMsg<TrialFinished>(Patience);
        Assert.Equal((TrialStatus.Interrupted, "w0", "node-a"), (finished.Result.Status, finished.Result.Worker, finished.Result.Node));
        coordinator.ExpectMsg<RequestTrial>();
    }

    [Fact]
    public void Worker_sends_the_trained_model_only_when_the_assignment_asks_for_one_its_result_can_earn()
    {
        // given a trainer whose results (val_loss 1 + index) carry a model
        var model = new TrainedModel(["x0"], ["0", "1"], ModelTensor.FromFloats([0f], 1), ModelTensor.FromFloats([1f], 1),
            [new ModelLayer(ModelTensor.FromFloats([1f, -1f], 2, 1), ModelTensor.FromFloats([0f, 0f], 2))], 3);
        var coordinator = CoordinatorProbe();
        var trainer = new FakeTrainer
        {
            Returns = t => new TrialResult(t.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(1.0 + t.Index), [], Model: model),
        };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when it trains one trial with no request, one asked for always, one whose loss (1.0) cannot beat the bar 0.5, one that can (bar 1.5)
        var requests = new ModelRequest?[] { null, new(MetricSpec.Default, null), new(MetricSpec.Default, 0.5), new(MetricSpec.Default, 1.5) };
        var sent = requests.Select(request =>
        {
            worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0), 1, null, request), coordinator);
            var finished = coordinator.ExpectMsg<TrialFinished>(Patience);
            coordinator.ExpectMsg<RequestTrial>();
            return finished.Result.Model is not null;
        }).ToList();

        // then the model travels only where the coordinator asked and the result can enter the top K
        Assert.Equal([false, true, false, true], sent);
    }

    [Fact]
    public void Worker_waits_at_decision_epochs_and_stops_the_trial_the_scheduler_stops()
    {
        // given a worker and a trial of 6 epochs whose decision epochs are 1 and 3
        var coordinator = CoordinatorProbe();
        var trainer = new CurveTrainer((_, epoch) => 2.0 / epoch);
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when it trains the trial: epoch 1 is reported and nothing more comes until the coordinator answers
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(4, epochs: 6), 1, [1, 3]), coordinator);
        var first = coordinator.ExpectMsg<TrialProgress>(Patience);
        Assert.Equal((4L, 1), (first.Index, first.Epoch.Epoch));
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        worker.Tell(new EpochVerdict("test-4", 1, false, null), coordinator);

        // then epochs 2 and 3 follow; told to stop at 3, the trial ends stopped_early with the scheduler's reason
        Assert.Equal(2, coordinator.ExpectMsg<TrialProgress>(Patience).Epoch.Epoch);
        Assert.Equal(3, coordinator.ExpectMsg<TrialProgress>(Patience).Epoch.Epoch);
        worker.Tell(new EpochVerdict("test-4", 3, true, "asha: rung 1 (epoch 3): not among the best"), coordinator);
        var finished = coordinator.ExpectMsg<TrialFinished>(Patience);
        Assert.Equal(TrialStatus.StoppedEarly, finished.Result.Status);
        Assert.Equal("asha: rung 1 (epoch 3): not among the best", finished.Result.Reason);
        Assert.Equal(3, finished.Result.Metrics!.EpochsRun);
        coordinator.ExpectMsg<RequestTrial>();
    }

    [Fact]
    public void A_trial_waiting_for_its_verdict_does_not_hang_when_the_sweep_stops_it()
    {
        // given a worker whose trial waits at its decision epoch 1
        var coordinator = CoordinatorProbe();
        var trainer = new CurveTrainer((_, epoch) => 1.0 / epoch);
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0, epochs: 4), 1, [1]), coordinator);
        coordinator.ExpectMsg<TrialProgress>(Patience);

        // when the sweep stops it before any verdict comes
        worker.Tell(new StopTrial("test-0"));

        // then the wait ends and the trial does not hang: it finishes, keeping the epoch it reported
        var finished = coordinator.FishForMessage<TrialFinished>(_ => true, Patience);
        Assert.NotNull(finished.Result.Metrics);
        Assert.True(finished.Result.History.Count >= 1);
    }

    [Fact]
    public void A_trial_waiting_for_its_verdict_goes_on_when_the_coordinator_is_gone()
    {
        // given a worker that sends to a proxy (as to the singleton proxy on a cluster) and watches the coordinator that
        // acknowledged it, whose trial waits at its decision epoch 1
        var coordinator = CoordinatorProbe();
        var proxy = CoordinatorProbe();
        var trainer = new CurveTrainer((_, epoch) => 1.0 / epoch);
        var worker = Sys.ActorOf(WorkerActor.Props(proxy, trainer, new WorkerSettings("w0", "node-a")));
        proxy.ExpectMsg<RegisterWorker>();
        proxy.ExpectMsg<RequestTrial>();
        worker.Tell(WorkerRegistered.Instance, coordinator);
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0, epochs: 3), 1, [1, 2]), proxy);
        proxy.ExpectMsg<TrialProgress>(Patience);

        // when the coordinator it registered with stops, without answering
        Sys.Stop(coordinator.Ref);

        // then the trial goes on through its decision epochs to the end
        var finished = proxy.FishForMessage<TrialFinished>(_ => true, Patience);
        Assert.Equal((TrialStatus.Completed, 3), (finished.Result.Status, finished.Result.Metrics!.EpochsRun));
    }

    [Fact]
    public void A_late_verdict_is_asked_for_again_by_reporting_the_epoch_again()
    {
        // given a worker that asks again after 200 ms, and a trial waiting at its decision epoch 1
        var coordinator = CoordinatorProbe();
        var trainer = new CurveTrainer((_, epoch) => 1.0 / epoch);
        var settings = new WorkerSettings("w0", "node-a", VerdictResendAfter: TimeSpan.FromMilliseconds(200));
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, settings));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(2, epochs: 3), 1, [1]), coordinator);
        var first = coordinator.ExpectMsg<TrialProgress>(Patience);

        // when no verdict comes (say it was lost)
        var again = coordinator.ExpectMsg<TrialProgress>(Patience);

        // then the same epoch is reported again, and the verdict for it, when it comes, lets the trial go on
        Assert.Equal((first.TrialId, first.Index, first.Epoch), (again.TrialId, again.Index, again.Epoch));
        worker.Tell(new EpochVerdict("test-2", 1, false, null), coordinator);
        var finished = coordinator.FishForMessage<TrialFinished>(_ => true, Patience);
        Assert.Equal((TrialStatus.Completed, 3), (finished.Result.Status, finished.Result.Metrics!.EpochsRun));
    }

    [Fact]
    public void A_verdict_that_arrives_before_the_trainer_asks_is_kept()
    {
        // given a worker whose trial waits for a release before its first epoch
        var coordinator = CoordinatorProbe();
        var trainer = new CurveTrainer((_, _) => 1.0) { Blocks = _ => true };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0, epochs: 4), 1, [2]), coordinator);
        AwaitCondition(() => trainer.Started.Contains("test-0"), Patience);

        // when the stop for epoch 2 arrives first, and then the trial trains
        worker.Tell(new EpochVerdict("test-0", 2, true, "stop at 2"), coordinator);
        worker.Tell(GetWorkerStatus.Instance);
        ExpectMsg<WorkerStatus>(Patience); // answered in order: the verdict has been taken
        trainer.Release.Set();

        // then it stops after epoch 2 without waiting
        var finished = coordinator.FishForMessage<TrialFinished>(_ => true, Patience);
        Assert.Equal((TrialStatus.StoppedEarly, 2), (finished.Result.Status, finished.Result.Metrics!.EpochsRun));
    }

    [Fact]
    public void Trainer_exception_becomes_a_failed_result_with_its_message()
    {
        // given a trainer that throws
        var coordinator = CoordinatorProbe();
        var trainer = new FakeTrainer { Throw = _ => new InvalidOperationException("out of memory") };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "n")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when it is given a trial
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(3), 1), coordinator);

        // then the coordinator gets a failed result and a new request
        var finished = coordinator.ExpectMsg<TrialFinished>(Patience);
        Assert.Equal((3L, TrialStatus.Failed, "out of memory"), (finished.Index, finished.Result.Status, finished.Result.Reason));
        coordinator.ExpectMsg<RequestTrial>();
    }

    [Fact]
    public void Worker_reports_each_epoch_before_the_result()
    {
        // given an idle worker
        var coordinator = CoordinatorProbe();
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, new FakeTrainer(), new WorkerSettings("w0", "n")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when it trains a one-epoch trial
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(1), 1), coordinator);

        // then progress comes first, then the result
        Assert.Equal(1, coordinator.ExpectMsg<TrialProgress>(Patience).Epoch.Epoch);
        Assert.Equal(TrialStatus.Completed, coordinator.ExpectMsg<TrialFinished>(Patience).Result.Status);
    }

    [Fact]
    public void Worker_registers_again_until_acknowledged_and_asks_a_new_coordinator_for_work()
    {
        // given a cluster worker (re-registering every 100 ms) whose coordinator has not answered yet
        var proxy = CreateTestProbe();
        var worker = Sys.ActorOf(WorkerActor.Props(proxy, new FakeTrainer(), new WorkerSettings("w0", "n", RegisterInterval: TimeSpan.FromMilliseconds(100))));
        proxy.ExpectMsg<RegisterWorker>();
        proxy.ExpectMsg<RequestTrial>();
        proxy.ExpectMsg<RegisterWorker>(Patience);

        // when a coordinator acknowledges, then it stops registering
        worker.Tell(WorkerRegistered.Instance, proxy);
        proxy.ReceiveWhile(TimeSpan.FromMilliseconds(200), m => m as RegisterWorker); // registrations already in flight
        proxy.ExpectNoMsg(TimeSpan.FromMilliseconds(400));

        // and when another coordinator (a hand-over) acknowledges, the idle worker asks it for work again
        var successor = CreateTestProbe();
        worker.Tell(WorkerRegistered.Instance, successor);
        proxy.ExpectMsg<RequestTrial>(Patience);
    }

    [Fact]
    public void Worker_shutting_down_hands_its_trial_back_and_reports_no_result()
    {
        // given a worker training a trial that blocks
        var coordinator = CoordinatorProbe();
        var trainer = new FakeTrainer { Blocks = _ => true };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "n")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(2), 1), coordinator);
        AwaitCondition(() => trainer.Started.Contains("test-2"), Patience);

        // when its node shuts down
        worker.Tell(HandBackTrial.Instance);

        // then the trial goes back to the coordinator, and no Interrupted result follows
        Assert.Equal("test-2", ExpectMsg<TrialHandedBack>(Patience).TrialId);
        Assert.Equal(new ReturnTrial(2, "test-2"), coordinator.ExpectMsg<ReturnTrial>());
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }
}
