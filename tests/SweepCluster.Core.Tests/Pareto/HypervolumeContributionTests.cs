using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class HypervolumeContributionTests
{
    [Fact]
    public void Each_point_contributes_the_volume_only_it_covers()
    {
        // Ref (4,4), front (1,3) (2,2) (3,1), whole volume 6. Without (1,3): 2·2 + 1·1 = 5 → 1.
        // Without (2,2): 3·1 + 1·2 = 5 → 1. Without (3,1): 3·1 + 2·1 = 5 → 1. A duplicate of (2,2) → both 0.
        double[][] points = [[1, 3], [2, 2], [3, 1], [2, 2]];

        var contribution = HypervolumeContribution.Of(points, [4, 4]);

        Assert.Equal([1.0, 0.0, 1.0, 0.0], contribution.Select(c => Math.Round(c, 12)));
    }
}
