using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class FastNonDominatedSortTests
{
    /// <summary>
    /// Fronts by their definition, not by the sort: a point no one dominates is on front 1, any other is one front
    /// behind the worst-placed of the points that dominate it (memoised recursion over the domination relation).
    /// </summary>
    private static int[] FrontsByDefinition(double[][] points)
    {
        var fronts = new int[points.Length];
        int Front(int i)
        {
            if (fronts[i] == 0)
            {
                var dominators = Enumerable.Range(0, points.Length).Where(j => BruteDominates(points[j], points[i])).ToList();
                fronts[i] = dominators.Count == 0 ? 1 : 1 + dominators.Max(Front);
            }
            return fronts[i];
        }
        for (var i = 0; i < points.Length; i++)
        {
            Front(i);
        }
        return fronts;
    }

    /// <summary>Domination spelt out with whole-vector quantifiers, apart from <see cref="ParetoSorting.Dominates"/>.</summary>
    private static bool BruteDominates(double[] a, double[] b) =>
        a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);

    [Theory]
    [InlineData(2, 11)]
    [InlineData(3, 12)]
    public void Fast_sort_gives_the_fronts_of_the_definition_on_200_random_points(int objectives, int seed)
    {
        // Given 200 random points on a coarse grid (values in tenths, so ties and duplicates occur)
        var random = new Random(seed);
        var points = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, objectives).Select(_ => random.Next(0, 10) / 10.0).ToArray())
            .ToArray();

        // When sorted
        var fronts = ParetoSorting.Fronts(points);

        // Then each point's front is the one the definition gives, and there are several fronts (the test can fail)
        Assert.Equal(FrontsByDefinition(points), fronts);
        Assert.True(fronts.Max() >= 4, $"only {fronts.Max()} fronts");
        Assert.Contains(fronts, f => f == 1);
    }
}
