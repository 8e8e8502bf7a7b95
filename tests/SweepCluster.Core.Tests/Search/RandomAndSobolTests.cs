using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Search;

public class RandomAndSobolTests
{
    private const string Sweep = """
        name: s
        method: METHOD
        trials: 64
        seed: 42
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3 }
        training: { epochs: 3 }
        parameters:
          lambda:        { log_uniform: [1.0e-6, 1.0e-2] }
          dropout:       { uniform: [0.0, 0.5], q: 0.1 }
          batch_size:    { int_uniform: [16, 128], q: 16 }
          learning_rate: { uniform: [1.0e-4, 1.0e-2] }
          epochs:        { log_uniform: [2, 9] }
          widths:        { values: [[32], [16, 16], [8, 8, 8]] }
          include_biases: { values: [true, false] }
          l1_mode:       { values: [penalty, proximal] }
        """;

    private static SweepDefinition Load(string method, long seed = 42) =>
        Parse(Sweep.Replace("METHOD", method).Replace("seed: 42", $"seed: {seed}"));

    private static List<string> Fingerprint(SweepDefinition sweep) =>
        [.. sweep.ExpandTrials().Select(t => $"{t.Seed} {string.Join(";", t.SweptValues.Select(v => v.Text))}")];

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Same_seed_gives_the_same_trials(string method)
    {
        Assert.Equal(Fingerprint(Load(method)), Fingerprint(Load(method)));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Different_seed_gives_different_trials(string method)
    {
        var a = Fingerprint(Load(method, 1));
        var b = Fingerprint(Load(method, 2));
        Assert.NotEqual(a, b);
        Assert.Empty(a.Intersect(b));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Trial_at_an_index_equals_the_expansion_there(string method)
    {
        var sweep = Load(method);
        var trials = sweep.ExpandTrials().ToList();
        foreach (var i in new[] { 0, 1, 31, 63 })
        {
            AssertSameTrial(trials[i], sweep.TrialAt(i));
        }
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Draws_stay_inside_their_domains(string method)
    {
        foreach (var trial in Load(method).ExpandTrials())
        {
            Assert.InRange(trial.Lambda, 1e-6, 1e-2);
            Assert.Contains(Math.Round(trial.Dropout, 9), new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5 });
            Assert.Contains(trial.Training.BatchSize, new[] { 16, 32, 48, 64, 80, 96, 112, 128 });
            Assert.InRange(trial.Training.LearningRate, 1e-4, 1e-2);
            Assert.InRange(trial.Training.Epochs, 2, 9);
            Assert.Contains(trial.Widths.Count, new[] { 1, 2, 3 });
        }
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Every_listed_value_is_drawn(string method)
    {
        var trials = Load(method).ExpandTrials().ToList();
        Assert.Equal(3, trials.Select(t => t.Widths.Count).Distinct().Count());
        Assert.Equal(2, trials.Select(t => t.Training.IncludeBiases).Distinct().Count());
        Assert.Equal(2, trials.Select(t => t.Training.L1Mode).Distinct().Count());
    }

    [Fact]
    public void Swept_values_print_readably()
    {
        var trial = Load("sobol").TrialAt(5);
        var texts = trial.SweptValues.ToDictionary(v => v.Name, v => v.Text);
        Assert.Equal(["lambda", "dropout", "batch_size", "learning_rate", "epochs", "widths", "include_biases", "l1_mode"],
            trial.SweptValues.Select(v => v.Name));
        Assert.Matches(@"^\d(\.\d{1,3})?e-0\d$", texts["lambda"]);
        Assert.Matches(@"^\[\d+(, \d+)*\]$", texts["widths"]);
        Assert.Matches("^(true|false)$", texts["include_biases"]);
        Assert.Equal(trial.Training.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), texts["batch_size"]);
    }

    [Fact]
    public void Trial_seeds_are_stable_and_distinct()
    {
        var a = Load("random").ExpandTrials().Select(t => t.Seed).ToList();
        var b = Load("random").ExpandTrials().Select(t => t.Seed).ToList();
        Assert.Equal(a, b);
        Assert.Equal(a.Count, a.Distinct().Count());
        Assert.All(a, seed => Assert.True(seed >= 0));
        // The trial seed depends on (sweep seed, index), not on the method.
        Assert.Equal(a, Load("sobol").ExpandTrials().Select(t => t.Seed));
    }

    [Fact]
    public void Ids_are_the_sweep_name_and_index()
    {
        Assert.Equal(Enumerable.Range(0, 64).Select(i => TrialSpec.IdFor("s", i)), Load("random").ExpandTrials().Select(t => t.Id));
        Assert.Equal("s-7", TrialSpec.IdFor("s", 7));
    }
}
