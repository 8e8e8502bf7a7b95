using SweepCluster.Core.Analysis;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Analysis;

public class ImportanceEvaluatorTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    public void Parameter_that_decides_the_metric_ranks_first_by_a_clear_margin(int count)
    {
        // Given a sweep where learning_rate decides the loss and dropout, lambda and widths do nothing
        var trials = FakeSweep.Trials(count);

        // When the importances are evaluated
        var result = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials);

        // Then learning_rate comes first with most of the variance, far ahead of the next
        Assert.NotNull(result);
        Assert.Equal("learning_rate", result.Ranked[0].Parameter);
        Assert.True(result.Ranked[0].Importance > 0.8, Describe(result));
        Assert.True(result.Ranked[0].Importance > 5 * result.Ranked[1].Importance, Describe(result));
        Assert.Equal(count, result.Trials);
        Assert.Equal(count, result.TrialsUsed);
    }

    [Fact]
    public void Categorical_parameter_that_decides_the_metric_ranks_first()
    {
        // Given the same sweep whose loss is set by widths alone
        var trials = FakeSweep.Trials(60).Select(t => t with
        {
            Metric = t.Text("widths") switch { "[128]" => 0.3, "[64, 32]" => 0.9, _ => 1.5 } + 0.01 * t.Metric,
        }).ToList();

        // When evaluated
        var result = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials)!;

        // Then widths comes first
        Assert.Equal("widths", result.Ranked[0].Parameter);
        Assert.True(result.Ranked[0].Importance > 0.8, Describe(result));
    }

    [Fact]
    public void Importances_sum_to_one_and_name_every_parameter_once()
    {
        var trials = FakeSweep.Trials(40);

        var result = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials)!;

        Assert.Equal(1.0, result.Ranked.Sum(p => p.Importance), 12);
        Assert.Equal(FakeSweep.Names.Order(), result.Ranked.Select(p => p.Parameter).Order());
        Assert.All(result.Ranked, p => Assert.InRange(p.Importance, 0, 1));
        Assert.Equal(result.Ranked.OrderByDescending(p => p.Importance).Select(p => p.Parameter), result.Ranked.Select(p => p.Parameter));
        Assert.Contains("fANOVA", result.Method);
    }

    [Fact]
    public void Same_trials_and_seed_give_the_same_importances_whatever_their_order()
    {
        // Given the same trials twice, the second time in reverse order
        var trials = FakeSweep.Trials(50);
        var reversed = trials.Reverse().ToList();

        // When evaluated with the same seed
        var first = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials)!;
        var second = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(reversed), reversed)!;

        // Then the results are identical to the last bit
        Assert.Equal(first.Ranked, second.Ranked);
    }

    [Fact]
    public void Another_seed_gives_another_forest_but_the_same_leader()
    {
        var trials = FakeSweep.Trials(50);
        var parameters = FakeSweep.Parameters(trials);

        var first = ImportanceEvaluator.Evaluate(parameters, trials, new ImportanceSettings(Seed: 1))!;
        var second = ImportanceEvaluator.Evaluate(parameters, trials, new ImportanceSettings(Seed: 2))!;

        Assert.NotEqual(first.Ranked, second.Ranked);
        Assert.Equal(first.Ranked[0].Parameter, second.Ranked[0].Parameter);
    }

    [Fact]
    public void Fewer_than_the_minimum_trials_give_no_importance()
    {
        var trials = FakeSweep.Trials(7);

        Assert.Null(ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials));
    }

    [Fact]
    public void A_metric_that_never_changes_gives_no_importance()
    {
        var trials = FakeSweep.Trials(20).Select(t => t with { Metric = 0.5 }).ToList();

        Assert.Null(ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials));
    }

    [Fact]
    public void A_parameter_with_one_value_gets_no_importance()
    {
        // Given trials that all share one optimizer
        var trials = FakeSweep.Trials(30).Select(t => t with { Values = [.. t.Values, new SweptValue("optimizer", "adam")] }).ToList();
        var parameters = ParameterScaling.Resolve([.. FakeSweep.Names, "optimizer"], FakeSweep.Specs, trials);

        var result = ImportanceEvaluator.Evaluate(parameters, trials)!;

        Assert.Equal(0, result.Ranked.Single(p => p.Parameter == "optimizer").Importance);
    }

    [Fact]
    public void Past_the_cap_the_forest_is_fitted_on_an_even_sample_and_still_finds_the_leader()
    {
        var trials = FakeSweep.Trials(500);

        var result = ImportanceEvaluator.Evaluate(FakeSweep.Parameters(trials), trials, new ImportanceSettings(MaxTrials: 100))!;

        Assert.Equal((500, 100), (result.Trials, result.TrialsUsed));
        Assert.Equal("learning_rate", result.Ranked[0].Parameter);
    }

    private static string Describe(ImportanceResult result) =>
        string.Join(", ", result.Ranked.Select(p => $"{p.Parameter}={p.Importance:F3}"));
}
