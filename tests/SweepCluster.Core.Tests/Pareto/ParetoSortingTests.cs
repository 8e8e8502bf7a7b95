using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class ParetoSortingTests
{
    private static int[] Fronts(params double[][] points) => ParetoSorting.Fronts(points);

    [Fact]
    public void Fronts_are_peeled_from_the_non_dominated_points()
    {
        // Given (1,4) (2,2) (4,1) on the front, (3,3) behind (2,2), (4,4) behind (3,3).
        var fronts = Fronts([1, 4], [2, 2], [4, 1], [3, 3], [4, 4]);

        Assert.Equal([1, 1, 1, 2, 3], fronts);
    }

    [Fact]
    public void Duplicate_points_share_a_front()
    {
        var fronts = Fronts([2, 2], [2, 2], [3, 3]);

        Assert.Equal([1, 1, 2], fronts);
    }

    [Fact]
    public void A_tie_on_one_objective_is_dominated_by_the_better_other()
    {
        // (1,3) and (1,2) tie on the first objective; (1,2) is better on the second, so it dominates.
        var fronts = Fronts([1, 3], [1, 2]);

        Assert.Equal([2, 1], fronts);
    }

    [Fact]
    public void A_maximised_objective_is_sorted_after_negation()
    {
        // Minimise loss, maximise accuracy: (0.2, 0.9) beats (0.3, 0.8); (0.1, 0.7) trades off against both.
        var fronts = Fronts([0.2, -0.9], [0.3, -0.8], [0.1, -0.7]);

        Assert.Equal([1, 2, 1], fronts);
    }
}
