using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class PackSchedulingTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Trials whose widths alternate [8], [16], [8], …: two pack keys, interleaved in the queue.</summary>
    private static InMemoryTrialSource TwoArchitectures(int count) => new(Enumerable.Range(0, count)
        .Select(i => InMemoryTrialSource.Spec(i) with { Widths = i % 2 == 0 ? [8] : [16] })
        .ToList());

    [Fact]
    public void Packs_hold_only_compatible_trials_and_every_trial_is_recorded_once()
    {
        // given 20 trials of two architectures, interleaved, and two slots that take packs of up to 4
        var source = TwoArchitectures(20);
        var trainer = new PackingTrainer(maxPackSize: 4, keeps: 4);
        using var sweep = new SweepHarness(Sys, source);

        // when they run the sweep
        sweep.AddWorker(trainer, "w0", nodeSlots: 2);
        sweep.AddWorker(trainer, "w1", nodeSlots: 2);
        var summary = AwaitCompletion(sweep);

        // then every pack shares one architecture, some hold several trials, and each trial ran and is recorded once
        Assert.Equal(20, summary.Done);
        Assert.All(trainer.Packs, pack => Assert.Single(pack.Select(PackKey.For).Distinct()));
        Assert.Contains(trainer.Packs, pack => pack.Count > 1);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(1, trainer.CallsFor($"test-{i}")));
        var recorded = Recorded(sweep);
        Assert.Equal(20, recorded.Select(e => e.TrialId).Distinct().Count());
        Assert.Equal(20, recorded.Count);
    }

    [Fact]
    public void A_worker_that_keeps_fewer_hands_the_rest_back_and_is_offered_no_more_than_it_keeps()
    {
        // given one slot that asks for packs of 8 but, like a calibration that found packing does not pay, keeps 1
        var source = InMemoryTrialSource.Of(10);
        var trainer = new PackingTrainer(maxPackSize: 8, keeps: 1);
        using var sweep = new SweepHarness(Sys, source);

        // when it runs the sweep
        sweep.AddWorker(trainer, "w0");
        var summary = AwaitCompletion(sweep);

        // then the first offer was a pack, the surplus went back and ran once each, and later offers were single trials
        Assert.Equal(10, summary.Done);
        Assert.True(trainer.Offers.First() > 1, $"first offer {trainer.Offers.First()}");
        Assert.All(trainer.Packs, pack => Assert.Single(pack));
        Assert.Single(trainer.Offers);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1, trainer.CallsFor($"test-{i}")));
        Assert.Equal(10, Recorded(sweep).Count);
    }

    [Fact]
    public void A_dead_workers_pack_goes_back_as_single_trials_and_each_finishes_once()
    {
        // given a slot holding a pack of 3 that blocks, and nothing else running
        var source = InMemoryTrialSource.Of(3);
        var blocking = new PackingTrainer(maxPackSize: 3, keeps: 3) { Blocks = pack => pack.Count > 1 };
        using var sweep = new SweepHarness(Sys, source);
        var doomed = sweep.AddWorker(blocking, "doomed");
        AwaitCondition(() => blocking.Packs.Any(p => p.Count == 3), Patience);

        // when that worker stops mid-pack and a slot that trains one trial at a time joins
        Watch(doomed);
        Sys.Stop(doomed);
        ExpectTerminated(doomed, Patience);
        var rescuer = new FakeTrainer();
        sweep.AddWorker(rescuer, "rescuer");
        var summary = AwaitCompletion(sweep);

        // then the three trials ran again, one by one, on the rescuer, and each is recorded once
        Assert.Equal(3, summary.Done);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1, rescuer.CallsFor($"test-{i}")));
        var recorded = Recorded(sweep);
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, e => Assert.Equal("rescuer", e.Result.Worker));
    }

    [Fact]
    public void A_pack_is_no_larger_than_a_fair_share_of_the_trials_left()
    {
        // given 8 trials and a node of two slots that would take 16 each
        var source = InMemoryTrialSource.Of(8);
        var trainer = new PackingTrainer(maxPackSize: 16, keeps: 16) { Blocks = _ => true };
        using var sweep = new SweepHarness(Sys, source);

        // when the first slot asks before its sibling has registered
        sweep.AddWorker(trainer, "w0", nodeSlots: 2);
        AwaitCondition(() => !trainer.Packs.IsEmpty, Patience);

        // then it gets half of them, leaving the rest for the sibling
        Assert.Equal(4, trainer.Packs.Single().Count);
        sweep.AddWorker(trainer, "w1", nodeSlots: 2);
        AwaitCondition(() => trainer.Packs.Count == 2, Patience);
        trainer.Release.Set();
        Assert.Equal(8, AwaitCompletion(sweep).Done);
        Assert.Equal(8, trainer.Packs.Sum(p => p.Count));
    }

    /// <summary>results.jsonl once the results actor has written everything it was sent.</summary>
    private IReadOnlyList<LeaderboardEntry> Recorded(SweepHarness sweep)
    {
        sweep.Results.Tell(Results.ResultsProtocol.FlushLeaderboard.Instance);
        ExpectMsg<Results.ResultsProtocol.LeaderboardSnapshot>(Patience);
        return ResultsJournal.Read(sweep.Paths.ResultsJournal);
    }

    private SweepSummary AwaitCompletion(SweepHarness sweep)
    {
        sweep.Coordinator.Tell(CoordinatorProtocol.AwaitCompletion.Instance);
        return ExpectMsg<SweepCompleted>(Patience).Summary;
    }
}
