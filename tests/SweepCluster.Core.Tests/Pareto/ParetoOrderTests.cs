using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class ParetoOrderTests
{
    [Fact]
    public void Fronts_come_first_then_crowding_then_the_first_objective_and_failed_trials_last()
    {
        // Front 1: (0,10) and (10,0) infinite, (2,6) crowding 1.0, (3,3) crowding 1.4 → 0, 3, 2, 1 (ties on
        // infinity broken by the first objective: 0 before 10). Then (5,5) on front 2; index 4 failed.
        IReadOnlyList<double>?[] points = [[0, 10], [2, 6], [3, 3], [10, 0], null, [5, 5]];

        Assert.Equal([0, 3, 2, 1, 5, 4], ParetoOrder.Of(points));
    }
}
