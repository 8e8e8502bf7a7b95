using SweepCluster.Core.Pareto;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Pareto;

public class FrontSummaryTests
{
    [Fact]
    public void A_maximised_objective_is_negated_and_back()
    {
        MetricGoal[] goals = [MetricGoal.Minimize, MetricGoal.Maximize];

        var minimised = ObjectiveOrientation.Minimised([0.4, 0.9], goals);

        Assert.Equal([0.4, -0.9], minimised);
        Assert.Equal([0.4, 0.9], ObjectiveOrientation.Natural(minimised, goals));
    }

    [Fact]
    public void The_front_and_its_hypervolume_use_the_given_reference()
    {
        // (1,3), (2,2), (3,1) are the front; (3,3) is dominated by (2,2). Ref (4,4): 3 + 2 + 1 = 6.
        double[][] points = [[1, 3], [3, 3], [2, 2], [3, 1]];

        var summary = FrontSummary.Of(points, [4, 4])!;

        Assert.Equal([0, 2, 3], summary.Members);
        Assert.Equal(6.0, summary.Hypervolume, 12);
        Assert.True(summary.ReferenceGiven);
    }

    [Fact]
    public void Without_a_reference_it_takes_the_worst_plus_a_tenth_of_the_range()
    {
        // Worst (3,3), range (2,2): reference (3.2, 3.2). Staircase: (1,3) adds 2.2·0.2, (2,2) 1.2·1, (3,1) 0.2·1 →
        // 0.44 + 1.2 + 0.2 = 1.84.
        double[][] points = [[1, 3], [3, 3], [2, 2], [3, 1]];

        var summary = FrontSummary.Of(points, null)!;

        Assert.Equal([3.2, 3.2], summary.Reference.Select(v => Math.Round(v, 12)));
        Assert.Equal(1.84, summary.Hypervolume, 12);
        Assert.False(summary.ReferenceGiven);
    }

    [Fact]
    public void No_points_no_summary() => Assert.Null(FrontSummary.Of([], null));
}

public class FirstFrontTests
{
    [Fact]
    public void It_is_exactly_the_points_no_other_point_dominates()
    {
        // 300 seeded points in 3-D on a coarse grid, so that ties and duplicates occur
        var random = new Random(7);
        var points = Enumerable.Range(0, 300).Select(_ => (IReadOnlyList<double>)[random.Next(8), random.Next(8), random.Next(8)]).ToList();

        // by the definition, spelt out apart from the sort: no other point is no worse everywhere and better somewhere
        var expected = Enumerable.Range(0, points.Count).Where(i => !points.Any(q =>
            q.Zip(points[i]).All(p => p.First <= p.Second) && q.Zip(points[i]).Any(p => p.First < p.Second)));

        Assert.Equal(expected, FrontSummary.FirstFront(points));
    }

    [Fact]
    public void Duplicates_on_the_front_are_both_kept()
    {
        double[][] points = [[1, 2], [2, 1], [1, 2], [2, 2]];

        Assert.Equal([0, 1, 2], FrontSummary.FirstFront(points));
    }
}

public class TrialObjectiveTests
{
    private static TrialMetrics Metrics(double loss, double? accuracy) => new(loss, accuracy, loss, 1, 0.5, 0, [], 7, 100, 3, 3, 1, 100);

    [Fact]
    public void A_trials_values_are_read_from_the_metric_table_and_minimised()
    {
        MetricSpec[] objectives = [new("val_loss", MetricGoal.Minimize), new("val_accuracy", MetricGoal.Maximize), new("active_inputs", MetricGoal.Minimize)];

        Assert.Equal([0.25, -0.75, 7], ObjectiveOrientation.OfTrial(Metrics(0.25, 0.75), objectives)!);
    }

    [Fact]
    public void A_missing_or_infinite_value_gives_no_point()
    {
        MetricSpec[] objectives = [new("val_loss", MetricGoal.Minimize), new("val_accuracy", MetricGoal.Maximize)];

        Assert.Null(ObjectiveOrientation.OfTrial(Metrics(0.25, null), objectives));
        Assert.Null(ObjectiveOrientation.OfTrial(Metrics(double.PositiveInfinity, 0.5), objectives));
    }
}
