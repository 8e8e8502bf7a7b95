using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Dispatch;

public class LongestFirstTests
{
    private static readonly DataDimensions Data = new(Inputs: 4, Outputs: 3, TrainingRows: 80);

    private static SweepTrialSource Source(params string[] overrides) =>
        new(SweepText.Parse(SweepText.Valid, overrides), Data);

    [Fact]
    public void A_trials_cost_is_its_parameters_times_rows_times_epochs_with_the_refit()
    {
        var trial = SweepText.Parse(SweepText.Valid, "model.widths=[8, 5]", "training.epochs=3", "training.l1_mode=proximal", "training.refit_epochs=2").TrialAt(0);

        // (4+1)·8 + (8+1)·5 + (5+1)·3 = 103 parameters, 80 rows, 5 epochs
        Assert.Equal(103.0 * 80 * 5, TrialCost.Of(trial, inputs: 4, outputs: 3, trainingRows: 80));
    }

    [Fact]
    public void A_grid_over_widths_hands_out_the_largest_first_and_equal_costs_keep_index_order()
    {
        // given a grid of lambda × widths: indices 0..5 alternate [8], [64, 32], [16] per lambda
        var source = Source("parameters.widths={ values: [[8], [64, 32], [16]] }");

        // when its dispatch plan is made
        var plan = source.DispatchPlan();

        // then the trials go largest first, and trials of one shape keep their index order
        var order = plan.Order!.ToList();
        Assert.Equal(6, order.Count);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i).Order(), order.Order());
        var costs = order.Select(plan.CostOf).ToList();
        Assert.Equal(costs.OrderDescending(), costs);
        foreach (var sameCost in order.GroupBy(plan.CostOf))
        {
            Assert.Equal(sameCost.Order(), sameCost);
        }
        Assert.Equal([64, 32], source.TrialAt(order[0]).Widths);
        Assert.Equal([8], source.TrialAt(order[^1]).Widths);
    }

    [Fact]
    public void The_plan_changes_only_the_order_not_the_trials()
    {
        // given a random sweep over widths, seen with the data's dimensions (so with a plan) and without
        string[] overrides = ["method=random", "trials=12", "parameters.widths={ values: [[8], [64, 32], [16]] }"];
        var planned = Source(overrides);
        var plain = new SweepTrialSource(SweepText.Parse(SweepText.Valid, overrides));

        // then the plan reorders them, and every index still holds the same trial
        Assert.NotEqual(Enumerable.Range(0, 12).Select(i => (long)i), planned.DispatchPlan().Order!);
        Assert.Equal(planned.DispatchPlan().Order, Source(overrides).DispatchPlan().Order);
        Assert.All(Enumerable.Range(0, 12), i =>
        {
            var (a, b) = (planned.TrialAt(i), plain.TrialAt(i));
            Assert.Equal((a.Id, a.Seed, a.Lambda, a.Dropout), (b.Id, b.Seed, b.Lambda, b.Dropout));
            Assert.Equal(a.Widths, b.Widths);
        });
    }

    [Theory]
    [InlineData("trials=1")]
    [InlineData("method=tpe")]
    public void A_sweep_of_equal_trials_or_an_adaptive_search_keeps_index_order(string setting)
    {
        var overrides = setting == "method=tpe"
            ? new[] { "method=tpe", "trials=6", "parameters.widths={ values: [[8], [64, 32]] }" }
            : new[] { "method=random", setting };

        var plan = Source(overrides).DispatchPlan();
        Assert.Null(plan.Order);
        Assert.Null(plan.Costs);
    }

    [Fact]
    public void A_sweep_with_a_scheduler_keeps_index_order()
    {
        var source = Source("method=random", "trials=6", "parameters.widths={ values: [[8], [64, 32]] }",
            "scheduler={ kind: asha, grace_epochs: 1, reduction_factor: 2 }");

        Assert.Null(source.DispatchPlan().Order);
    }

    [Fact]
    public void Without_the_datas_dimensions_trials_keep_index_order()
    {
        var sweep = SweepText.Parse(SweepText.Valid, "parameters.widths={ values: [[8], [64, 32]] }");

        Assert.Same(DispatchPlan.Uniform, new SweepTrialSource(sweep).DispatchPlan());
    }
}
