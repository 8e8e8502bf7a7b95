using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Repeats;

/// <summary><c>repeats: N</c> in the sweep file: parsing, errors, and the trials it expands to.</summary>
public class RepeatSweepTests
{
    private const string Grid6 = """
        name: r
        method: grid
        seed: 11
        repeats: 3
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 2 }
        parameters:
          lambda: { values: [0.0, 1.0e-3, 1.0e-2] }
          dropout: { values: [0.0, 0.2] }
        """;

    [Fact]
    public void Repeats_default_to_one_and_leave_trials_as_they_were()
    {
        var sweep = Parse(Valid);

        Assert.Equal(1, sweep.Repeats);
        Assert.Equal(2, sweep.CountTrials());
        Assert.All(sweep.ExpandTrials(), t => Assert.Null(t.Repeat));
        Assert.Equal(["t-0", "t-1"], sweep.ExpandTrials().Select(t => t.Id));
    }

    [Fact]
    public void A_grid_of_6_configurations_with_3_repeats_has_18_trials_with_each_configurations_repeats_together()
    {
        var trials = Parse(Grid6).ExpandTrials().ToList();

        Assert.Equal(18, trials.Count);
        Assert.Equal(["r-0-r0", "r-0-r1", "r-0-r2", "r-1-r0"], trials.Take(4).Select(t => t.Id));
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (int?)(i % 3)), trials.Select(t => t.Repeat));
        foreach (var configuration in trials.Chunk(3))
        {
            Assert.Single(configuration.Select(t => string.Join(";", t.SweptValues.Select(v => $"{v.Name}={v.Text}"))).Distinct());
            Assert.Single(configuration.Select(t => (t.Lambda, t.Dropout)).Distinct());
        }
    }

    [Fact]
    public void Repeat_seeds_are_deterministic_distinct_and_the_first_is_the_configurations_own()
    {
        // given the same sweep parsed twice, and the same sweep without repeats
        var first = Parse(Grid6).ExpandTrials().ToList();
        var again = Parse(Grid6).ExpandTrials().ToList();
        var single = Parse(Grid6.Replace("repeats: 3\n", "")).ExpandTrials().ToList();

        // then the seeds are the same each time, all 18 differ, and repeat 0 trains what the configuration trains without repeats
        Assert.Equal(first.Select(t => t.Seed), again.Select(t => t.Seed));
        Assert.Equal(18, first.Select(t => t.Seed).Distinct().Count());
        Assert.Equal(single.Select(t => t.Seed), first.Where(t => t.Repeat == 0).Select(t => t.Seed));
        Assert.All(first, t => Assert.Equal(first[0].Data, t.Data));
    }

    [Theory]
    [InlineData("repeats: 0", "repeats must be at least 1 (got 0)")]
    [InlineData("repeats: 101", "repeats must be at most 100 (got 101)")]
    [InlineData("repeats: many", "repeats must be a whole number")]
    public void Repeats_out_of_range_are_errors_at_their_value(string line, string message)
    {
        var yaml = Grid6.Replace("repeats: 3", line);

        AssertAt(SingleError(yaml), Pos(yaml, line, "repeats: ".Length), message);
    }

    [Fact]
    public void A_scheduler_with_repeats_is_refused_at_the_scheduler_naming_the_fix()
    {
        var yaml = Grid6.Replace("training: { epochs: 2 }", "training: { epochs: 9 }\nscheduler: { kind: asha, grace_epochs: 1, reduction_factor: 3 }");

        var error = SingleError(yaml);

        AssertAt(error, Pos(yaml, "{ kind: asha"), "a scheduler cannot be used with repeats: 3");
        Assert.Contains("remove the scheduler block, or set repeats: 1", error.Message);
    }

    [Fact]
    public void A_scheduler_with_one_repeat_is_accepted()
    {
        var yaml = Grid6.Replace("repeats: 3", "repeats: 1").Replace("training: { epochs: 2 }", "training: { epochs: 9 }\nscheduler: { kind: asha, grace_epochs: 1, reduction_factor: 3 }");

        Assert.NotNull(Parse(yaml).Scheduler);
    }

    [Fact]
    public void Tpe_repeats_share_their_configurations_point()
    {
        // given a tpe sweep of 4 configurations with 2 repeats
        var yaml = Grid6.Replace("method: grid", "method: tpe\ntrials: 4").Replace("repeats: 3", "repeats: 2")
            .Replace("{ values: [0.0, 1.0e-3, 1.0e-2] }", "{ log_uniform: [1.0e-5, 1.0e-1] }");
        var source = new SweepTrialSource(Parse(yaml));
        var history = new SearchHistory(source.Repeats);

        // when every trial is generated through the history
        var trials = Enumerable.Range(0, 8).Select(i => source.TrialAt(i, history)).ToList();

        // then there are 4 points, each shared by a configuration's two repeats, with distinct seeds
        Assert.Equal(8, source.Count);
        Assert.Equal(4, history.SuggestedCount);
        foreach (var pair in trials.Chunk(2))
        {
            Assert.Equal(pair[0].Lambda, pair[1].Lambda);
            Assert.NotEqual(pair[0].Seed, pair[1].Seed);
        }
        Assert.Equal(4, trials.Select(t => t.Lambda).Distinct().Count());
    }
}
