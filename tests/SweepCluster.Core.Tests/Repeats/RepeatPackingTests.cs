using SweepCluster.Core.Packing;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Repeats;

/// <summary>A configuration's repeats have the same shape and data: packs take them together first.</summary>
public class RepeatPackingTests
{
    [Fact]
    public void A_pack_takes_a_configurations_repeats_together_before_other_configurations()
    {
        // given a repeats: 3 sweep whose configurations alternate between two widths (two pack keys)
        var sweep = Parse("""
            name: pk
            method: grid
            seed: 1
            repeats: 3
            data:
              synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
            training: { epochs: 2 }
            parameters:
              widths: { values: [[8], [16]] }
              lambda: { values: [0.0, 1.0e-3] }
            """);
        var queue = new Queue<TrialSpec>(sweep.ExpandTrials());
        var planner = new PackPlanner();

        // when workers take packs of 3, then of 6
        var first = planner.Next(3, _ => null, () => queue.TryDequeue(out var t) ? t : null, _ => false);
        var second = planner.Next(6, _ => null, () => queue.TryDequeue(out var t) ? t : null, _ => false);

        // then the first pack is configuration 0's three repeats, and the next gathers the two configurations of its shape
        Assert.Equal(["pk-0-r0", "pk-0-r1", "pk-0-r2"], first.Select(t => t.Id));
        Assert.Equal(["pk-1-r0", "pk-1-r1", "pk-1-r2"], second.Take(3).Select(t => t.Id));
        Assert.Single(second.Select(t => PackKey.For(t)).Distinct());
        Assert.Equal(3, first.Select(t => t.Seed).Distinct().Count());
    }
}
