using Akka.Actor;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Dispatch;
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
    public void The_first_trial_of_a_kind_goes_alone_and_the_workers_limit_caps_the_packs_after_it()
    {
        // given one slot that asks for packs of 8 but, like a calibration that found packs of 3 pay, keeps 3
        var source = InMemoryTrialSource.Of(10);
        var trainer = new PackingTrainer(maxPackSize: 8, keeps: 3);
        using var sweep = new SweepHarness(Sys, source);

        // when it runs the sweep
        sweep.AddWorker(trainer, "w0");
        var summary = AwaitCompletion(sweep);

        // then the first trial came alone (to be sized), every later pack held at most 3, nothing was handed back,
        // and each trial ran and is recorded once
        Assert.Equal(10, summary.Done);
        var packs = trainer.Packs.ToList();
        Assert.Single(packs[0]);
        Assert.All(packs, pack => Assert.InRange(pack.Count, 1, 3));
        Assert.Contains(packs, pack => pack.Count == 3);
        Assert.Equal(10, packs.Sum(p => p.Count));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1, trainer.CallsFor($"test-{i}")));
        Assert.Equal(10, Recorded(sweep).Count);
    }

    [Fact]
    public void A_worker_whose_calibration_says_no_gets_single_trials_only()
    {
        var source = InMemoryTrialSource.Of(6);
        var trainer = new PackingTrainer(maxPackSize: 8, keeps: 1);
        using var sweep = new SweepHarness(Sys, source);

        sweep.AddWorker(trainer, "w0");
        var summary = AwaitCompletion(sweep);

        Assert.Equal(6, summary.Done);
        Assert.All(trainer.Packs, pack => Assert.Single(pack));
        Assert.Equal(6, trainer.Packs.Count);
    }

    [Fact]
    public void A_dead_workers_pack_goes_back_as_single_trials_and_each_finishes_once()
    {
        // given a slot that has sized its first trial and now holds a pack of 3 that blocks
        var source = InMemoryTrialSource.Of(4);
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

        // then the pack's three trials ran again, one by one, on the rescuer, and each trial is recorded once
        Assert.Equal(4, summary.Done);
        var pack = blocking.Packs.Single(p => p.Count == 3);
        Assert.All(pack, t => Assert.Equal(1, rescuer.CallsFor(t.Id)));
        var recorded = Recorded(sweep);
        Assert.Equal(4, recorded.Count);
        Assert.All(pack, t => Assert.Equal("rescuer", recorded.Single(e => e.TrialId == t.Id).Result.Worker));
    }

    [Fact]
    public void A_pack_is_no_larger_than_a_fair_share_of_the_trials_left()
    {
        // given 9 trials and a node of two slots that would take 16 each; the first slot has sized its first trial
        // when it asks again before its sibling has registered
        // then it gets half of the 8 left, leaving the rest for the sibling
        Assert.Equal(4, FirstPackOfTwoSlots(InMemoryTrialSource.Of(9)));
    }

    [Fact]
    public void Trials_are_handed_out_in_the_dispatch_plans_order()
    {
        // given four trials whose plan hands out 2, 0, 3, 1 (the longest first) and one slot that trains one at a time
        var source = new InMemoryTrialSource(Enumerable.Range(0, 4).Select(i => InMemoryTrialSource.Spec(i)).ToList(),
            plan: new DispatchPlan([2L, 0, 3, 1], [1.0, 1, 4, 2]));
        var trainer = new PackingTrainer(maxPackSize: 1, keeps: 1);
        using var sweep = new SweepHarness(Sys, source);

        // when it runs the sweep
        sweep.AddWorker(trainer, "w0");
        Assert.Equal(4, AwaitCompletion(sweep).Done);

        // then it trained them in the plan's order
        Assert.Equal([2L, 0, 3, 1], trainer.Packs.Select(pack => pack.Single().Index));
    }

    [Fact]
    public void A_packs_fair_share_is_measured_in_estimated_cost_not_in_trials()
    {
        // given 7 large trials (cost 3 each) followed by 4 small ones (cost 1), and a node of two slots that would take 16
        var trials = Enumerable.Range(0, 11).Select(i => InMemoryTrialSource.Spec(i) with { Widths = i < 7 ? [16] : [8] }).ToList();
        var source = new InMemoryTrialSource(trials, plan: new DispatchPlan(null, [.. trials.Select(t => t.Index < 7 ? 3.0 : 1.0)]));

        // when the first slot, having sized a large trial alone, asks again before its sibling has registered
        // then its pack of large trials holds half the cost left, 6·3 + 4·1 = 22, rounded up to whole trials: 4 (by count it would be 5 of 10)
        Assert.Equal(4, FirstPackOfTwoSlots(source));
    }

    /// <summary>
    /// The size of the first pack a slot of a two-slot node gets when it asks again, after sizing its first trial alone and
    /// before its sibling registers (it would take 16); then the sibling joins, trains the rest one by one, and the sweep ends.
    /// </summary>
    private int FirstPackOfTwoSlots(InMemoryTrialSource source)
    {
        var trainer = new PackingTrainer(maxPackSize: 16, keeps: 16) { Blocks = pack => pack.Count > 1 };
        using var sweep = new SweepHarness(Sys, source);
        sweep.AddWorker(trainer, "w0", nodeSlots: 2);
        AwaitCondition(() => trainer.Packs.Any(p => p.Count > 1), Patience);
        var packSize = trainer.Packs.Single(p => p.Count > 1).Count;
        sweep.AddWorker(new FakeTrainer(), "w1", nodeSlots: 2);
        AwaitCondition(() => Recorded(sweep).Count == source.Count - packSize, Patience);
        trainer.Release.Set();
        Assert.Equal(source.Count, AwaitCompletion(sweep).Done);
        return packSize;
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
