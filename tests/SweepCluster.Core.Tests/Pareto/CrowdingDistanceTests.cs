using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class CrowdingDistanceTests
{
    [Fact]
    public void Boundary_points_are_infinite_and_inner_ones_sum_normalised_gaps()
    {
        // Front (0,10) (2,6) (3,3) (10,0): ranges 10 and 10.
        // (2,6): (3-0)/10 + (10-3)/10 = 1.0; (3,3): (10-2)/10 + (6-0)/10 = 1.4.
        double[][] front = [[0, 10], [2, 6], [3, 3], [10, 0]];

        var distance = CrowdingDistance.Of(front);

        Assert.True(double.IsPositiveInfinity(distance[0]));
        Assert.Equal(1.0, distance[1], 12);
        Assert.Equal(1.4, distance[2], 12);
        Assert.True(double.IsPositiveInfinity(distance[3]));
    }

    [Fact]
    public void An_objective_with_zero_range_adds_nothing()
    {
        // Second objective all 5: only the first counts. Middle point: (4-0)/4 = 1.
        double[][] front = [[0, 5], [1, 5], [4, 5]];

        var distance = CrowdingDistance.Of(front);

        Assert.Equal(1.0, distance[1], 12);
    }
}
