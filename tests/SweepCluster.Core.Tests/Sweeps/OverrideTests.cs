using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Sweeps;

public class OverrideTests
{
    private const string RandomSweep = """
        name: r
        method: random
        trials: 20
        seed: 3
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3 }
        model: { widths: [8] }
        training: { epochs: 2 }
        parameters:
          lambda: { log_uniform: [1.0e-6, 1.0e-2] }
        """;

    [Fact]
    public void Set_replaces_a_top_level_value()
    {
        // Given a random sweep of 20 trials, when loaded with --set trials=7, then it has 7
        var sweep = Parse(RandomSweep, "trials=7");
        Assert.Equal(7, sweep.CountTrials());
        Assert.Equal(7, sweep.ExpandTrials().Count());
    }

    [Fact]
    public void Set_follows_a_dotted_path_and_creates_missing_keys()
    {
        var sweep = Parse(RandomSweep, "training.epochs=5", "training.optimizer=sgd", "model.dropout=0.25");
        Assert.Equal(5, sweep.Training.Epochs);
        Assert.Equal(Core.Sweeps.OptimizerKind.Sgd, sweep.Training.Optimizer);
        Assert.Equal(0.25, sweep.TrialAt(0).Dropout);
    }

    [Fact]
    public void Set_replaces_a_whole_domain_with_yaml()
    {
        // Given a random lambda domain, when overridden with a values list, then the trials take those values
        var sweep = Parse(RandomSweep, "parameters.lambda.values=[0,1e-3]", "method=grid", "trials=null");
        Assert.Equal(2, sweep.CountTrials());
        Assert.Equal([0.0, 1e-3], sweep.ExpandTrials().Select(t => t.Lambda));
    }

    [Fact]
    public void Set_adds_a_new_parameter()
    {
        var sweep = Parse(RandomSweep, "parameters.dropout.uniform=[0.1, 0.3]");
        Assert.Equal(["lambda", "dropout"], sweep.Parameters.Select(p => p.Name));
        Assert.All(sweep.ExpandTrials(), t => Assert.InRange(t.Dropout, 0.1, 0.3));
    }

    [Fact]
    public void Overridden_source_text_is_the_document_as_run()
    {
        var sweep = Parse(RandomSweep, "trials=7");
        Assert.StartsWith("# test.yaml with --set trials=7", sweep.SourceText);
        var reparsed = Parse(sweep.SourceText);
        Assert.Equal(7, reparsed.CountTrials());
        Assert.Equal(RandomSweep, Parse(RandomSweep).SourceText);
    }

    [Fact]
    public void Bad_override_value_is_an_error_naming_the_override()
    {
        var error = SingleError(RandomSweep, "training.epochs=abc");
        Assert.Equal(0, error.Line);
        Assert.Contains("--set training.epochs=abc: training.epochs must be a whole number", error.Message);
    }

    [Fact]
    public void Override_without_equals_is_an_error()
    {
        var error = SingleError(RandomSweep, "trials");
        Assert.Contains("--set trials: expected key=value", error.Message);
    }

    [Fact]
    public void Override_of_an_unknown_key_suggests_the_right_one()
    {
        var error = SingleError(RandomSweep, "trainig.epochs=5");
        Assert.Contains("--set trainig.epochs=5: unknown key 'trainig'", error.Message);
        Assert.Contains("did you mean 'training'?", error.Message);
    }

    [Fact]
    public void Override_through_a_scalar_is_an_error()
    {
        var error = SingleError(RandomSweep, "seed.x=1");
        Assert.Contains("'seed' is not a mapping", error.Message);
    }

    [Fact]
    public void Override_with_invalid_yaml_is_an_error()
    {
        var error = SingleError(RandomSweep, "trials=[1,");
        Assert.Contains("--set trials=[1,: the value is not valid YAML", error.Message);
    }

    [Fact]
    public void Errors_of_the_file_and_of_overrides_come_together()
    {
        var errors = Errors(RandomSweep.Replace("seed: 3", "sed: 3"), "trials=0");
        Assert.Equal(2, errors.Count);
        Assert.Equal(4, errors[0].Line);
        Assert.Contains("--set trials=0", errors[1].Message);
    }
}
