using SweepCluster.Core.Analysis;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Analysis;

public class ParameterScalingTests
{
    private static AnalysisTrial Trial(int i, params (string Name, string Text)[] values) =>
        new($"t-{i}", [.. values.Select(v => new SweptValue(v.Name, v.Text))], i);

    [Fact]
    public void Sweep_file_domains_decide_the_scales()
    {
        // Given the fake sweep's specs (log_uniform, log_uniform, uniform, values)
        var trials = FakeSweep.Trials(10);

        // When resolved
        var parameters = FakeSweep.Parameters(trials);

        // Then log_uniform is a log scale with its bounds, uniform linear, and values categories in the file's order
        Assert.Equal([ParameterScale.Log, ParameterScale.Log, ParameterScale.Linear, ParameterScale.Categorical], parameters.Select(p => p.Scale));
        Assert.Equal((1e-4, 1e-1), (parameters[0].Low, parameters[0].High));
        Assert.Equal(["[64, 32]", "[128]", "[32, 32, 32]"], parameters[3].Categories);
        Assert.All(parameters, p => Assert.False(p.Inferred));
    }

    [Fact]
    public void Numeric_values_lists_are_categories_as_the_leaderboards_print_them()
    {
        var spec = new ParameterSpec("dropout", new ValuesDomain([new NumberValue(0.0), new NumberValue(0.1), new NumberValue(0.25)]));

        var parameter = ParameterScaling.FromSpec(spec, ["0.1", "0"]);

        Assert.Equal(ParameterScale.Categorical, parameter.Scale);
        Assert.Equal(["0", "0.1", "0.25"], parameter.Categories);
    }

    [Fact]
    public void Without_a_sweep_file_numbers_spanning_two_decades_are_log_and_others_linear()
    {
        Assert.Equal(ParameterScale.Log, ParameterScaling.Infer("x", ["1e-05", "3e-04", "2e-03"]).Scale);
        Assert.Equal(ParameterScale.Linear, ParameterScaling.Infer("x", ["0.1", "0.5", "0.9"]).Scale);
        Assert.Equal(ParameterScale.Linear, ParameterScaling.Infer("x", ["0", "0.001", "1"]).Scale);
        // a rate the leaderboards print in scientific notation is log even over less than two decades
        Assert.Equal(ParameterScale.Log, ParameterScaling.Infer("learning_rate", ["3e-04", "1e-03", "3e-03"]).Scale);
        Assert.True(ParameterScaling.Infer("x", ["1"]).Inferred);
    }

    [Fact]
    public void Without_a_sweep_file_lists_and_words_are_categories_in_text_order()
    {
        var widths = ParameterScaling.Infer("widths", ["[64]", "[128, 64]", "[64]"]);
        var optimizer = ParameterScaling.Infer("optimizer", ["sgd", "adam"]);

        Assert.Equal(ParameterScale.Categorical, widths.Scale);
        Assert.Equal(["[128, 64]", "[64]"], widths.Categories);
        Assert.Equal(["adam", "sgd"], optimizer.Categories);
    }

    [Fact]
    public void Resolve_infers_a_parameter_the_sweep_file_does_not_name()
    {
        var trials = new[] { Trial(0, ("lambda", "1e-04"), ("momentum", "0.9")), Trial(1, ("lambda", "1e-02"), ("momentum", "0.5")) };

        var parameters = ParameterScaling.Resolve(["lambda", "momentum"], [new ParameterSpec("lambda", new LogUniformDomain(1e-5, 1e-1))], trials);

        Assert.Equal((ParameterScale.Log, false), (parameters[0].Scale, parameters[0].Inferred));
        Assert.Equal((ParameterScale.Linear, true), (parameters[1].Scale, parameters[1].Inferred));
    }
}
