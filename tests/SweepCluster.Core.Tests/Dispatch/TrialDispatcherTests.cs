using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Dispatch;

public class TrialDispatcherTests
{
    private static readonly TrialSpec Template = SweepText.Parse(SweepText.Valid).TrialAt(0);

    private static TrialSpec Trial(long index) => Template with { Index = index, Widths = [8] };

    private static readonly Dictionary<string, int> PacksOf16 = new() { [PackLimitKey.Of(Trial(0))] = 16 };

    private static TrialDispatcher Uniform(long total) => new(new TrialQueue(total), new PackShare(DispatchPlan.Uniform));

    [Fact]
    public void A_worker_that_does_not_pack_gets_one_trial_at_a_time_and_a_trial_that_cannot_be_generated_is_skipped()
    {
        var dispatcher = Uniform(4);
        TrialSpec? Generate(long index) => index == 1 ? null : Trial(index);

        var handedOut = new List<long>();
        while (dispatcher.NextPack(1, 1, 1, null, Generate) is { Count: > 0 } pack)
        {
            handedOut.Add(Assert.Single(pack).Index);
        }

        Assert.Equal([0L, 2, 3], handedOut);
    }

    [Fact]
    public void A_packing_worker_gets_its_fair_share_of_what_is_left()
    {
        // given 8 uniform trials shared by two workers that take up to 16 of this kind
        var dispatcher = Uniform(8);

        // then the first pack is 8 / 2 = 4 trials, the next 4 / 2 = 2, then 2 / 2 = 1, and the last one
        Assert.Equal([0L, 1, 2, 3], dispatcher.NextPack(16, 2, 1, PacksOf16, Trial).Select(t => t.Index));
        Assert.Equal([4L, 5], dispatcher.NextPack(16, 2, 1, PacksOf16, Trial).Select(t => t.Index));
        Assert.Equal([6L], dispatcher.NextPack(16, 2, 1, PacksOf16, Trial).Select(t => t.Index));
        Assert.Equal([7L], dispatcher.NextPack(16, 2, 1, PacksOf16, Trial).Select(t => t.Index));
        Assert.Empty(dispatcher.NextPack(16, 2, 1, PacksOf16, Trial));
    }

    [Fact]
    public void The_node_slots_count_as_sharers_when_more_than_the_registered_workers()
    {
        // 8 trials over max(1 worker, 4 slots) = 4 sharers: 2 trials
        var dispatcher = Uniform(8);

        Assert.Equal(2, dispatcher.NextPack(16, 1, 4, PacksOf16, Trial).Count);
    }

    [Fact]
    public void A_kind_the_worker_has_not_sized_goes_alone()
    {
        var key = PackKey.For(Trial(0));

        Assert.Equal(1, TrialDispatcher.LimitOf(null, key));
        Assert.Equal(1, TrialDispatcher.LimitOf(new Dictionary<string, int> { ["other"] = 8 }, key));
        Assert.Equal(16, TrialDispatcher.LimitOf(PacksOf16, key));
        Assert.Single(Uniform(8).NextPack(16, 2, 1, null, Trial));
    }
}
