using SweepCluster.Core.Packing;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Packing;

public class PackPlannerTests
{
    private static readonly SyntheticDataSpec Data = new(Samples: 100, Features: 4, Informative: 2, Classes: 2, Seed: 1);

    private static TrialSpec Trial(long index, int width) =>
        new(TrialSpec.IdFor("p", index), "p", index, index, Data, 2, 1e-4, 0, [width], new TrainingSettings(Epochs: 2), []);

    /// <summary>A queue of trials whose widths are given in order.</summary>
    private static Func<TrialSpec?> Queue(params int[] widths)
    {
        var queue = new Queue<TrialSpec>(widths.Select((w, i) => Trial(i, w)));
        return () => queue.TryDequeue(out var t) ? t : null;
    }

    private static IReadOnlyList<long> Indices(IReadOnlyList<TrialSpec> pack) => pack.Select(t => t.Index).ToList();

    private static int? NoLimit(PackKey key) => null;

    private static bool NoneSettled(long index) => false;

    [Fact]
    public void One_at_a_time_gives_the_queue_order()
    {
        var planner = new PackPlanner();
        var draw = Queue(8, 16, 8);

        Assert.Equal([0L], Indices(planner.Next(1, NoLimit, draw, NoneSettled)));
        Assert.Equal([1L], Indices(planner.Next(1, NoLimit, draw, NoneSettled)));
        Assert.Equal([2L], Indices(planner.Next(1, NoLimit, draw, NoneSettled)));
        Assert.Empty(planner.Next(1, NoLimit, draw, NoneSettled));
    }

    [Fact]
    public void A_pack_gathers_trials_of_the_anchors_key_and_holds_the_others_for_later()
    {
        // given widths 8, 16, 8, 16, 8 in the queue
        var planner = new PackPlanner();
        var draw = Queue(8, 16, 8, 16, 8);

        // when a pack of up to 3 is asked for, then the [8] trials travel together and the [16] ones wait
        Assert.Equal([0L, 2, 4], Indices(planner.Next(3, NoLimit, draw, NoneSettled)));
        Assert.Equal(2, planner.Held);

        // and the next pack starts from the oldest held trial
        Assert.Equal([1L, 3], Indices(planner.Next(3, NoLimit, draw, NoneSettled)));
        Assert.Equal(0, planner.Held);
    }

    [Fact]
    public void The_workers_own_limit_for_a_key_caps_the_pack()
    {
        var planner = new PackPlanner();
        var draw = Queue(8, 8, 8, 8);

        var pack = planner.Next(4, key => key.Widths == "8" ? 2 : null, draw, NoneSettled);

        Assert.Equal([0L, 1], Indices(pack));
    }

    [Fact]
    public void Lookahead_is_bounded_per_place_in_the_pack()
    {
        // given one [8] trial followed by many [16] ones and a last [8] far behind
        var widths = new[] { 8 }.Concat(Enumerable.Repeat(16, 30)).Append(8).ToArray();
        var planner = new PackPlanner();

        // when a pack of 2 is asked for, then at most 4 trials are drawn for the one free place, and the far [8] is not reached
        var pack = planner.Next(2, NoLimit, Queue(widths), NoneSettled);

        Assert.Equal([0L], Indices(pack));
        Assert.Equal(PackPlanner.LookaheadPerSlot, planner.Held);
    }

    [Fact]
    public void Held_trials_that_settled_meanwhile_are_dropped()
    {
        var planner = new PackPlanner();
        var draw = Queue(8, 16, 8);
        planner.Next(2, NoLimit, draw, NoneSettled);

        var pack = planner.Next(2, NoLimit, draw, index => index == 1);

        Assert.Empty(pack);
        Assert.Equal(0, planner.Held);
    }

    [Fact]
    public void Limit_keys_are_the_same_text_for_equal_keys_and_differ_otherwise()
    {
        Assert.Equal(PackLimitKey.Of(Trial(0, 8)), PackLimitKey.Of(Trial(5, 8)));
        Assert.NotEqual(PackLimitKey.Of(Trial(0, 8)), PackLimitKey.Of(Trial(0, 16)));
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("off", "off")]
    [InlineData("1", "off")]
    [InlineData("16", "16")]
    public void Pack_sizes_parse(string text, string printed)
    {
        Assert.Equal(printed, PackSizeSetting.Parse(text).ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("many")]
    public void Bad_pack_sizes_are_refused_naming_the_option(string text)
    {
        var error = Assert.Throws<FormatException>(() => PackSizeSetting.Parse(text));

        Assert.Equal($"--pack-size: '{text}' is not a pack size: use auto, off or a whole number of trials (1 = off)", error.Message);
    }
}
