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
        Assert.Equal(4, front.Seen);
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

    [Fact]
    public void Its_hypervolume_and_reference_match_the_summary_of_all_points()
    {
        // The FrontSummary case: reference (3.2, 3.2), hypervolume 1.84
        double[][] points = [[1, 3], [3, 3], [2, 2], [3, 1]];
        var front = new LiveFront<int>(2);
        for (var i = 0; i < points.Length; i++)
        {
            front.Add(i, points[i]);
        }

        Assert.Equal([3.2, 3.2], front.Reference(null).Select(v => Math.Round(v, 12)));
        Assert.Equal(1.84, front.Hypervolume(null), 12);
        Assert.Equal(6.0, front.Hypervolume([4, 4]), 12);
    }

    [Fact]
    public void Before_any_point_the_hypervolume_is_zero() => Assert.Equal(0, new LiveFront<int>(2).Hypervolume(null));
}
