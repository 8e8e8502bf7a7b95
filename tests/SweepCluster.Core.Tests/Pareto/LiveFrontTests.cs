using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Tests.Pareto;

public class LiveFrontTests
{
    [Fact]
    public void A_point_joins_unless_dominated_and_drops_what_it_dominates()
    {
        var front = new LiveFront<string>(2);

        Assert.True(front.Add("a", [2, 2]));
        Assert.False(front.Add("b", [3, 3]));
        Assert.True(front.Add("c", [1, 3]));
        Assert.True(front.Add("d", [1, 1]));

        // d dominates a and c; b was never on the front
        Assert.Equal(1, front.Count);
        Assert.True(front.Contains("d"));
        Assert.False(front.Contains("a"));
    }

    [Fact]
    public void It_agrees_with_the_full_sort_on_random_points()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<double>)[random.Next(10), random.Next(10), random.Next(10)]).ToList();
        var front = new LiveFront<int>(3);

        for (var i = 0; i < points.Count; i++)
        {
            front.Add(i, points[i]);
        }

        var fronts = ParetoSorting.Fronts(points);
        Assert.Equal(Enumerable.Range(0, points.Count).Where(i => fronts[i] == 1), Enumerable.Range(0, points.Count).Where(front.Contains));
    }
}
