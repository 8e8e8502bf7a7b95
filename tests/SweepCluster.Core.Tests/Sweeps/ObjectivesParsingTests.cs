using SweepCluster.Core.Sweeps;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Sweeps;

public class ObjectivesParsingTests
{
    private static string WithMetric(string metric) => Valid.Replace("seed: 1", "seed: 1\n" + metric);

    private const string TwoObjectives = """
        metric:
          - { name: val_loss, goal: minimize }
          - { name: active_inputs }
        """;

    [Fact]
    public void A_list_of_objectives_keeps_file_order_and_the_first_is_the_metric()
    {
        // given two objectives, the second without a goal
        var sweep = Parse(WithMetric(TwoObjectives));

        // then both are read in order, the second with its table goal, and Metric is the first
        Assert.Equal([new MetricSpec("val_loss", MetricGoal.Minimize), new MetricSpec("active_inputs", MetricGoal.Minimize)], sweep.Objectives);
        Assert.Equal(new MetricSpec("val_loss", MetricGoal.Minimize), sweep.Metric);
        Assert.Null(sweep.Reference);
    }

    [Fact]
    public void Exact_zero_fraction_parameters_and_seconds_are_objectives_with_their_own_goals()
    {
        var sweep = Parse(WithMetric("metric: [exact_zero_fraction, { name: parameters }, { name: seconds, goal: maximize }]"));

        Assert.Equal([("exact_zero_fraction", MetricGoal.Maximize), ("parameters", MetricGoal.Minimize), ("seconds", MetricGoal.Maximize)],
            sweep.Objectives.Select(o => (o.Name, o.Goal)));
    }

    [Fact]
    public void The_mapping_form_is_one_objective_as_before()
    {
        var sweep = Parse(WithMetric("metric: { name: sparsity }"));

        Assert.Equal(new MetricSpec("sparsity", MetricGoal.Maximize), sweep.Metric);
        Assert.Equal([sweep.Metric], sweep.Objectives);
        Assert.Equal([MetricSpec.Default], Parse(Valid).Objectives);
    }

    [Fact]
    public void A_list_of_one_is_the_same_as_the_mapping()
    {
        var listed = Parse(WithMetric("metric: [{ name: val_accuracy }]"));
        var mapped = Parse(WithMetric("metric: { name: val_accuracy }"));

        Assert.Equal(mapped.Metric, listed.Metric);
        Assert.Equal(mapped.Objectives, listed.Objectives);
        Assert.Equal(MetricGoal.Maximize, listed.Metric.Goal);
    }

    [Fact]
    public void The_reference_point_is_read_in_the_objectives_order()
    {
        var sweep = Parse(WithMetric(TwoObjectives + "\nreference: [1.2, 40]"));

        Assert.Equal([1.2, 40.0], sweep.Reference);
    }

    [Fact]
    public void An_unknown_objective_is_reported_at_its_name_with_the_known_ones()
    {
        var yaml = WithMetric(TwoObjectives.Replace("active_inputs", "active_input"));

        var error = SingleError(yaml);
        AssertAt(error, Pos(yaml, "active_input }"), "unknown metric 'active_input'");
        Assert.Contains("did you mean 'active_inputs'?", error.Message);
        Assert.Contains("seconds", error.Message);
        Assert.DoesNotContain("val_r2", error.Message);
    }

    [Fact]
    public void The_same_metric_twice_is_reported_at_the_second()
    {
        var yaml = WithMetric("metric:\n  - val_loss\n  - { name: sparsity }\n  - { name: val_loss, goal: maximize }");

        AssertAt(SingleError(yaml), Pos(yaml, "name: val_loss", 6), "metric val_loss is listed twice");
    }

    [Fact]
    public void More_than_three_objectives_are_reported_at_the_fourth()
    {
        var yaml = WithMetric("metric:\n  - { name: val_loss }\n  - { name: sparsity }\n  - { name: active_inputs }\n  - { name: l1_norm }");

        AssertAt(SingleError(yaml), Pos(yaml, "{ name: l1_norm"), "metric lists 4 objectives, and at most 3 are ranked");
    }

    [Fact]
    public void An_empty_list_is_reported()
    {
        var yaml = WithMetric("metric: []");

        AssertAt(SingleError(yaml), Pos(yaml, "[]"), "metric must list one to 3 objectives");
    }

    [Fact]
    public void A_metric_of_the_other_task_is_reported_in_the_list()
    {
        var yaml = WithMetric("metric: [{ name: val_loss }, { name: val_r2 }]");

        AssertAt(SingleError(yaml), Pos(yaml, "val_r2"), "metric val_r2 is for regression sweeps, and this sweep is task: classification");
    }

    [Fact]
    public void A_scheduler_with_two_objectives_is_refused_with_the_fix()
    {
        var yaml = WithMetric(TwoObjectives + "\nscheduler: { kind: asha }");

        AssertAt(SingleError(yaml), Pos(yaml, "{ kind: asha"),
            "schedulers (asha, hyperband, median) stop trials on one metric; use one objective or remove `scheduler:`");
    }

    [Fact]
    public void A_scheduler_with_one_listed_objective_is_accepted()
    {
        var sweep = Parse(WithMetric("metric: [val_loss]\nscheduler: { kind: median }"));

        Assert.NotNull(sweep.Scheduler);
    }

    [Fact]
    public void A_reference_of_the_wrong_length_is_reported()
    {
        var yaml = WithMetric(TwoObjectives + "\nreference: [1.2]");

        AssertAt(SingleError(yaml), Pos(yaml, "[1.2]"), "reference has 1 numbers and metric: lists 2 objectives (val_loss, active_inputs)");
    }

    [Fact]
    public void A_reference_with_one_objective_is_reported()
    {
        var yaml = WithMetric("metric: { name: val_loss }\nreference: [1.2]");

        AssertAt(SingleError(yaml), Pos(yaml, "[1.2]"), "reference is the hypervolume's reference point of a sweep with two or more objectives");
    }

    [Fact]
    public void A_reference_that_is_not_numbers_is_reported_at_the_value()
    {
        var yaml = WithMetric(TwoObjectives + "\nreference: [1.2, lots]");

        AssertAt(SingleError(yaml), Pos(yaml, "lots"), "reference must be a number (got 'lots')");
    }

    [Fact]
    public void A_misspelt_reference_key_is_an_unknown_key()
    {
        var yaml = WithMetric(TwoObjectives + "\nreferense: [1.2, 40]");

        AssertAt(SingleError(yaml), Pos(yaml, "referense"), "unknown key 'referense' in the sweep file; did you mean 'reference'?");
    }

    [Fact]
    public void Changed_objectives_and_reference_are_differences_of_the_definition()
    {
        // given a two-objective sweep, and the same with another second objective and another reference
        var before = WithMetric(TwoObjectives + "\nreference: [1.2, 40]");
        var after = before.Replace("name: active_inputs", "name: parameters").Replace("[1.2, 40]", "[1.2, 50]");

        // when compared
        var differences = DefinitionDiff.Between(before, after);

        // then both are named
        Assert.Equal(["metric[1].name active_inputs → parameters", "reference [1.2, 40] → [1.2, 50]"], differences);
        Assert.Equal(["metric[1].goal (not set) → maximize"],
            DefinitionDiff.Between(before, before.Replace("{ name: active_inputs }", "{ name: active_inputs, goal: maximize }")));
    }
}
