using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Search;

public class TpeSweepTests
{
    private const string Sweep = """
        name: t
        method: tpe
        trials: 40
        seed: 3
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 2 }
        tpe: { startup_trials: 5, candidates: 16, gamma: 0.2, prior_weight: 0.5 }
        parameters:
          lambda:     { log_uniform: [1.0e-6, 1.0e-2] }
          dropout:    { uniform: [0.0, 0.5], q: 0.1 }
          batch_size: { int_uniform: [16, 128], q: 16 }
          epochs:     { log_uniform: [2, 9] }
          widths:     { values: [[32], [16, 16], [8, 8, 8]] }
        """;

    private static string With(string line, string replacement)
    {
        Assert.Contains(line, Sweep);
        return Sweep.Replace(line, replacement);
    }

    /// <summary>Runs every trial of the source in order, observing <paramref name="loss"/> of each before the next.</summary>
    private static List<TrialSpec> Run(ITrialSource source, SearchHistory history, Func<TrialSpec, double?> loss)
    {
        var trials = new List<TrialSpec>();
        for (long index = 0; index < source.Count; index++)
        {
            var trial = source.TrialAt(index, history);
            history.Observe(index, loss(trial));
            trials.Add(trial);
        }
        return trials;
    }

    [Fact]
    public void Tpe_sweep_parses_with_its_settings()
    {
        var sweep = Parse(Sweep);
        Assert.Equal(SearchMethod.Tpe, sweep.Method);
        Assert.Equal(new TpeSettings(StartupTrials: 5, Candidates: 16, Gamma: 0.2, PriorWeight: 0.5), sweep.Tpe);
        Assert.Equal(40, sweep.CountTrials());
        Assert.IsType<TpeSearch>(SearchStrategies.For(sweep));
    }

    [Fact]
    public void Tpe_sweep_without_a_tpe_block_takes_the_defaults()
    {
        var sweep = Parse(With("tpe: { startup_trials: 5, candidates: 16, gamma: 0.2, prior_weight: 0.5 }\n", ""));
        Assert.Equal(TpeSettings.Default, sweep.Tpe);
        Assert.Equal(new TpeSettings(10, 24, 0.1, 25, 1.0), sweep.Tpe);
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Other_methods_have_no_tpe_settings(string method)
    {
        Assert.Null(Parse(Valid, $"method={method}", "trials=2").Tpe);
    }

    [Fact]
    public void Trials_given_the_history_lie_in_their_domains()
    {
        // Given a tpe sweep seen as a trial source, run to the end with a loss from its values
        var source = new SweepTrialSource(Parse(Sweep));
        var history = new SearchHistory();
        var trials = Run(source, history, t => Math.Abs(Math.Log10(t.Lambda) + 4) + t.Dropout + t.Training.BatchSize / 128.0);

        // Then it is adaptive, every trial's point was recorded, and every value lies in its domain
        Assert.True(source.Adaptive);
        Assert.Equal(40, history.SuggestedCount);
        Assert.Equal(40, history.Observations.Count);
        Assert.All(trials, t =>
        {
            Assert.InRange(t.Lambda, 1e-6, 1e-2);
            Assert.Contains(Math.Round(t.Dropout, 9), new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5 });
            Assert.Contains(t.Training.BatchSize, new[] { 16, 32, 48, 64, 80, 96, 112, 128 });
            Assert.InRange(t.Training.Epochs, 2, 9);
            Assert.Contains(t.Widths.Count, new[] { 1, 2, 3 });
        });
        Assert.Equal(Enumerable.Range(0, 40).Select(i => TrialSpec.IdFor("t", i)), trials.Select(t => t.Id));
    }

    [Fact]
    public void Integer_parameter_stays_integral_and_moves_toward_its_best_value()
    {
        // Given a tpe sweep over epochs (int_uniform 1 to 30) whose loss is smallest at 24 epochs
        var yaml = With("  epochs:     { log_uniform: [2, 9] }", "  epochs:     { int_uniform: [1, 30] }");
        var source = new SweepTrialSource(Parse(yaml));

        // When it runs to the end
        var trials = Run(source, new SearchHistory(), t => Math.Abs(t.Training.Epochs - 24));

        // Then every epochs value is a whole number within [1, 30], as text too, and the tuned trials are nearer 24
        var epochs = trials.Select(t => t.Training.Epochs).ToList();
        Assert.All(epochs, e => Assert.InRange(e, 1, 30));
        Assert.All(trials, t => Assert.Matches("^[0-9]+$", t.SweptValues.Single(v => v.Name == "epochs").Text));
        var startup = epochs.Take(5).Average(e => Math.Abs(e - 24));
        var tuned = epochs.Skip(20).Average(e => Math.Abs(e - 24));
        Assert.True(tuned < startup / 2, $"mean distance from 24: {tuned:F2} after tuning, {startup:F2} at startup");
    }

    [Fact]
    public void Trial_of_an_index_with_a_recorded_point_is_that_point()
    {
        // Given a history holding the point of trial 7 (as a resumed coordinator restores it)
        var source = new SweepTrialSource(Parse(Sweep));
        var first = new SearchHistory();
        Run(source, first, t => t.Dropout);
        first.TryGetPoint(7, out var point);
        var resumed = new SearchHistory();
        resumed.Suggest(7, point);

        // When trial 7 is asked for again
        var again = source.TrialAt(7, resumed);

        // Then it is the same trial, and nothing new was suggested
        AssertSameTrial(source.TrialAt(7, first), again);
        Assert.Equal(1, resumed.SuggestedCount);
    }

    [Fact]
    public void Startup_trials_are_the_random_sweeps_trials()
    {
        // Given the same file as tpe and as random search
        var tpe = new SweepTrialSource(Parse(Sweep));
        var random = new SweepTrialSource(Parse(With("tpe: { startup_trials: 5, candidates: 16, gamma: 0.2, prior_weight: 0.5 }\n", ""), "method=random"));
        var history = new SearchHistory();

        // Then a trial before any result (with or without a history) is the random sweep's trial of that index
        foreach (var index in new long[] { 0, 1, 4, 39 })
        {
            AssertSameTrial(random.TrialAt(index), tpe.TrialAt(index));
            AssertSameTrial(random.TrialAt(index), tpe.TrialAt(index, history));
        }
    }

    [Fact]
    public void Tpe_block_with_another_method_is_refused()
    {
        var yaml = With("method: tpe", "method: random");
        AssertAt(SingleError(yaml), Pos(yaml, "tpe:"), "a tpe block needs method tpe (the method is random)");
    }

    [Fact]
    public void Tpe_without_trials_is_refused()
    {
        var yaml = With("trials: 40\n", "");
        AssertAt(SingleError(yaml), Pos(yaml, "tpe"), "method tpe needs 'trials'");
    }

    [Theory]
    [InlineData("startup_trials: 5", "startup_trials: 0", "0", "tpe.startup_trials must be at least 1 (got 0)")]
    [InlineData("candidates: 16", "candidates: 0", "0", "tpe.candidates must be at least 1 (got 0)")]
    [InlineData("candidates: 16", "candidates: 2.5", "2.5", "tpe.candidates must be a whole number (got '2.5')")]
    [InlineData("gamma: 0.2", "gamma: 0", "0,", "tpe.gamma must be in (0, 1] (got 0)")]
    [InlineData("gamma: 0.2", "gamma: 1.5", "1.5", "tpe.gamma must be in (0, 1] (got 1.5)")]
    [InlineData("gamma: 0.2", "gamma: high", "high", "tpe.gamma must be a number (got 'high')")]
    [InlineData("prior_weight: 0.5", "prior_weight: 0", "0 }", "tpe.prior_weight must be positive (got 0)")]
    [InlineData("prior_weight: 0.5", "prior_weight: -1", "-1", "tpe.prior_weight must be positive (got -1)")]
    [InlineData("gamma: 0.2", "gama: 0.2", "gama", "unknown key 'gama' in tpe; did you mean 'gamma'?")]
    public void Tpe_setting_out_of_range_is_refused(string line, string replacement, string marker, string message)
    {
        var yaml = With(line, replacement);
        var tpeLine = yaml.Split('\n').Single(l => l.StartsWith("tpe:", StringComparison.Ordinal));
        var at = (Pos(yaml, "tpe:").Line, tpeLine.IndexOf(marker, tpeLine.IndexOf(replacement, StringComparison.Ordinal), StringComparison.Ordinal) + 1);
        AssertAt(SingleError(yaml), at, message);
    }

    [Fact]
    public void Tpe_block_must_be_a_mapping()
    {
        var yaml = With("tpe: { startup_trials: 5, candidates: 16, gamma: 0.2, prior_weight: 0.5 }", "tpe: fast");
        AssertAt(SingleError(yaml), Pos(yaml, "fast"), "tpe must be a mapping");
    }

    [Fact]
    public void Tpe_settings_can_be_overridden()
    {
        var sweep = Parse(Sweep, "tpe.gamma=0.3", "tpe.startup_trials=2");
        Assert.Equal(new TpeSettings(StartupTrials: 2, Candidates: 16, Gamma: 0.3, PriorWeight: 0.5), sweep.Tpe);
    }

    [Fact]
    public void Unknown_method_lists_tpe()
    {
        var yaml = With("method: tpe", "method: tep");
        AssertAt(SingleError(yaml), Pos(yaml, "tep"), "unknown method 'tep': use grid, random, sobol or tpe; did you mean 'tpe'?");
    }
}
