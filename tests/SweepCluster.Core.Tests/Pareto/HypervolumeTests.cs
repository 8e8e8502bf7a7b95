using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class HypervolumeTests
{
    [Fact]
    public void Two_objectives_sum_the_staircase()
    {
        // Ref (4,4): (1,3) adds 3·1, (2,2) adds 2·1, (3,1) adds 1·1; (3,3) is dominated and adds nothing.
        double[][] points = [[1, 3], [2, 2], [3, 1], [3, 3]];

        Assert.Equal(6.0, Hypervolume.Of(points, [4, 4]), 12);
    }

    [Fact]
    public void Three_objectives_subtract_the_overlap_of_the_boxes()
    {
        // Ref (2,2,2): box of (0,0,1) is 2·2·1 = 4, of (1,1,0) 1·1·2 = 2, overlap [1,2]³ = 1: 4 + 2 − 1 = 5.
        double[][] points = [[0, 0, 1], [1, 1, 0]];

        Assert.Equal(5.0, Hypervolume.Of(points, [2, 2, 2]), 12);
    }

    [Fact]
    public void Points_beyond_the_reference_add_nothing()
    {
        double[][] points = [[5, 0], [1, 1]];

        Assert.Equal(9.0, Hypervolume.Of(points, [4, 4]), 12);
    }

    [Fact]
    public void The_default_reference_is_the_worst_plus_a_tenth_of_the_range()
    {
        // Objective 1: worst 3, range 2 → 3.2. Objective 2: all 5 (zero range) → 5 + 0.5. Objective 3: all 0 → 1.
        double[][] points = [[1, 5, 0], [3, 5, 0]];

        var reference = ReferencePoint.FromWorst(points);

        Assert.Equal(3.2, reference[0], 12);
        Assert.Equal(5.5, reference[1], 12);
        Assert.Equal(1.0, reference[2], 12);
    }
}
