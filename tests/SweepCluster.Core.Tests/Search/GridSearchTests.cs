using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Search;

public class GridSearchTests
{
    private const string Grid = """
        name: g
        method: grid
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3 }
        model: { widths: [8], dropout: 0.1 }
        parameters:
          lambda:  { values: [0.0, 1.0e-4, 1.0e-3] }
          optimizer: { values: [adam, sgd] }
          widths:  { values: [[128, 64], [64]] }
        """;

    [Fact]
    public void Grid_is_the_full_product_with_the_last_parameter_fastest()
    {
        // Given 3 lambdas x 2 optimizers x 2 widths
        var sweep = Parse(Grid);

        // When expanded
        var trials = sweep.ExpandTrials().ToList();

        // Then there are 12 trials, the last parameter varying fastest
        Assert.Equal(12, sweep.CountTrials());
        Assert.Equal(12, trials.Count);
        Assert.Equal(["lambda = 0, optimizer = adam, widths = [128, 64]", "lambda = 0, optimizer = adam, widths = [64]",
            "lambda = 0, optimizer = sgd, widths = [128, 64]"], trials.Take(3).Select(Describe));
        Assert.Equal("lambda = 1e-03, optimizer = sgd, widths = [64]", Describe(trials[11]));
        Assert.Equal(1e-4, trials[4].Lambda);
        Assert.Equal(Core.Sweeps.OptimizerKind.Sgd, trials[2].Training.Optimizer);
        Assert.Equal([64], trials[1].Widths);
    }

    [Fact]
    public void Unswept_settings_come_from_the_model_section()
    {
        var trial = Parse(Grid).TrialAt(0);
        Assert.Equal(0.1, trial.Dropout);
        Assert.Equal(3, trial.Outputs);
        Assert.Equal("g-0", trial.Id);
        Assert.Equal("g", trial.SweepName);
    }

    [Fact]
    public void Lambda_defaults_to_zero_when_not_swept()
    {
        var sweep = Parse(Grid.Replace("  lambda:  { values: [0.0, 1.0e-4, 1.0e-3] }\n", ""));
        Assert.All(sweep.ExpandTrials(), t => Assert.Equal(0, t.Lambda));
        Assert.Equal(4, sweep.CountTrials());
    }

    [Fact]
    public void Trials_caps_a_grid()
    {
        var sweep = Parse(Grid.Replace("method: grid", "method: grid\ntrials: 5"));
        Assert.Equal(5, sweep.CountTrials());
        Assert.Equal(5, sweep.ExpandTrials().Count());
    }

    [Fact]
    public void Grid_without_parameters_is_one_trial()
    {
        var sweep = Parse(Grid[..Grid.IndexOf("parameters:", StringComparison.Ordinal)]);
        var trial = Assert.Single(sweep.ExpandTrials());
        Assert.Empty(trial.SweptValues);
    }

    [Fact]
    public void Million_trial_grid_is_counted_and_indexed_lazily()
    {
        // Given a grid of 10^6 points (six parameters of ten values)
        var ten = "[" + string.Join(", ", Enumerable.Range(1, 10)) + "]";
        var tenReals = "[" + string.Join(", ", Enumerable.Range(0, 10).Select(i => $"0.0{i}")) + "]";
        var yaml = $"""
            name: big
            method: grid
            max_trials: 1000000
            data: {"{"} synthetic: {"{"} classes: 2 {"}"} {"}"}
            model: {"{"} widths: [4] {"}"}
            parameters:
              lambda: {"{"} values: {tenReals} {"}"}
              dropout: {"{"} values: {tenReals} {"}"}
              epochs: {"{"} values: {ten} {"}"}
              batch_size: {"{"} values: {ten} {"}"}
              patience: {"{"} values: {ten} {"}"}
              threads: {"{"} values: {ten} {"}"}
            """;
        var sweep = Parse(yaml);

        // When counted, indexed at the end, and the start expanded
        var count = sweep.CountTrials();
        var last = sweep.TrialAt(999_999);
        var first = sweep.ExpandTrials().Take(3).ToList();

        // Then nothing before the end had to be generated
        Assert.Equal(1_000_000, count);
        Assert.Equal("big-999999", last.Id);
        Assert.Equal(0.09, last.Lambda);
        Assert.Equal(10, last.Training.Threads);
        Assert.Equal(10, last.Training.Epochs);
        Assert.Equal([1, 2, 3], first.Select(t => t.Training.Threads));
        AssertSameTrial(sweep.ExpandTrials().ElementAt(12_345), sweep.TrialAt(12_345));
    }

    [Fact]
    public void Mixed_radix_decoding_inverts_the_index()
    {
        var grid = new GridIndex([3, 1, 4]);
        Assert.Equal(12, grid.Count);
        Assert.Equal([0, 0, 0], grid.Digits(0));
        Assert.Equal([1, 0, 2], grid.Digits(6));
        Assert.Equal([2, 0, 3], grid.Digits(11));
        Assert.Null(GridIndex.CountOf([int.MaxValue, int.MaxValue, int.MaxValue]));
    }

    [Fact]
    public void Grid_point_is_the_middle_of_each_values_bucket()
    {
        // Given a grid of 3 x 1 x 4 values, when trial 6 (digits 1, 0, 2) is placed in the unit cube
        var point = new GridSearch([3, 1, 4]).PointFor(6, new SearchHistory());

        // Then each coordinate is (digit + 0.5) / size, so the domain maps it back to that value
        Assert.Equal([1.5 / 3, 0.5 / 1, 2.5 / 4], point);
    }

    [Fact]
    public void Grid_search_is_not_adaptive_and_counts_the_capped_product()
    {
        Assert.False(new GridSearch([3, 4]).Adaptive);
        Assert.Equal(12, new GridSearch([3, 4]).Count);
        Assert.Equal(5, new GridSearch([3, 4], cap: 5).Count);
    }

    private static string Describe(TrialSpec trial) => string.Join(", ", trial.SweptValues.Select(v => $"{v.Name} = {v.Text}"));
}
