using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>An actor system with remoting and a small frame (64,000 bytes): what is measured against the frame, and what is done about it.</summary>
public sealed class RemoteFrameTests() : TestKit(ConfigurationFactory.ParseString("""
    akka.actor.provider = remote
    akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0, maximum-frame-size = 64000b }
    """).WithFallback(AkkaConfig.Serialization()))
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_budget_is_the_configured_frame_less_the_envelope_and_local_recipients_cost_nothing()
    {
        var budget = FrameBudget.Of(Sys)!;

        Assert.InRange(budget.MaxPayloadBytes, 40_000, 64_000 - 1);
        Assert.Equal(0, budget.PayloadBytes(TestActor, new AssignPack([new AssignTrial(InMemoryTrialSource.Spec(1), 1)])));
        Assert.True(budget.PayloadBytes(new AssignPack([new AssignTrial(InMemoryTrialSource.Spec(1), 1)])) > 100);
    }

    [Fact]
    public void A_result_whose_model_would_not_fit_the_frame_goes_without_the_model()
    {
        // given a worker whose trainer returns a model of 20,000 weights (80 kB, more as base64), over this system's frame
        var big = new TrainedModel(["x0"], ["0", "1"], ModelTensor.FromFloats([0f], 1), ModelTensor.FromFloats([1f], 1),
            [new ModelLayer(ModelTensor.FromFloats(new float[20_000], 2, 10_000), ModelTensor.FromFloats([0f, 0f], 2))], 3);
        var coordinator = CreateTestProbe();
        coordinator.IgnoreMessages<AssignmentStarted>();
        var trainer = new FakeTrainer { Returns = t => new TrialResult(t.Id, TrialStatus.Completed, null, FakeTrainer.Metrics(0.5), [], Model: big) };
        var worker = Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings("w0", "node-a")));
        coordinator.ExpectMsg<RegisterWorker>();
        coordinator.ExpectMsg<RequestTrial>();

        // when the coordinator asks for the model with the trial
        worker.Tell(new AssignTrial(InMemoryTrialSource.Spec(0), 1, null, new ModelRequest(Core.Sweeps.MetricSpec.Default, null)), coordinator);

        // then the result arrives, complete, without the model that would have sunk it
        var finished = coordinator.ExpectMsg<TrialFinished>(Patience);
        Assert.Equal(TrialStatus.Completed, finished.Result.Status);
        Assert.Null(finished.Result.Model);
    }
}
