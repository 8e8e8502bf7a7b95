using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using Xunit;

namespace SweepCluster.Cluster.Tests;

public sealed class SlotTrainingTests
{
    private static readonly IReadOnlyList<TrialSpec> ThreeTrials = [.. Enumerable.Range(0, 3).Select(i => InMemoryTrialSource.Spec(i))];

    [Fact]
    public void A_packing_trainer_keeps_its_limit_and_trains_only_those()
    {
        // given a trainer that offers packs of 4 but keeps 2
        var trainer = new PackingTrainer(maxPackSize: 4, keeps: 2);
        var sized = new List<PackSizing>();

        // when three trials come
        var results = SlotTraining.Run(trainer, ThreeTrials, sized.Add, (_, _) => { }, null, CancellationToken.None);

        // then two are kept, the limit 2 is learnt, and two results come back
        Assert.Equal([new PackSizing(2, 2)], sized);
        Assert.Equal([ThreeTrials[0].Id, ThreeTrials[1].Id], results.Select(r => r.TrialId));
        Assert.Equal([4], trainer.Offers);
    }

    [Fact]
    public void An_undecided_limit_keeps_one_trial_and_learns_nothing()
    {
        Assert.Equal(new PackSizing(1, null), PackSizing.Of(answer: 0, max: 8));
        Assert.Equal(new PackSizing(8, 8), PackSizing.Of(answer: 12, max: 8));
    }

    [Fact]
    public void A_trainer_that_never_packs_is_not_sized()
    {
        var sized = new List<PackSizing>();

        var results = SlotTraining.Run(new FakeTrainer(), [ThreeTrials[0]], sized.Add, (_, _) => { }, null, CancellationToken.None);

        Assert.Empty(sized);
        Assert.Equal(TrialStatus.Completed, Assert.Single(results).Status);
    }

    [Fact]
    public void An_escaped_exception_fails_each_kept_trial_as_transient()
    {
        var trainer = new FakeTrainer { Throw = _ => new IOException("disk gone") };

        var result = Assert.Single(SlotTraining.Run(trainer, [ThreeTrials[1]], _ => { }, (_, _) => { }, null, CancellationToken.None));

        Assert.Equal((ThreeTrials[1].Id, TrialStatus.Failed, "disk gone", TrialFailureKind.Transient),
            (result.TrialId, result.Status, result.Reason, result.FailureKind));
    }

    [Fact]
    public void A_cancelled_training_ends_interrupted()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var trainer = new FakeTrainer { Throw = _ => new OperationCanceledException(cancellation.Token) };

        var result = Assert.Single(SlotTraining.Run(trainer, [ThreeTrials[2]], _ => { }, (_, _) => { }, null, cancellation.Token));

        Assert.Equal((TrialStatus.Interrupted, "stopped"), (result.Status, result.Reason));
    }
}
