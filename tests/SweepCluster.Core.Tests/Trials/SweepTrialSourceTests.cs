using SweepCluster.Core.Search;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Trials;

public class SweepTrialSourceTests
{
    [Fact]
    public void Trial_source_gives_the_sweeps_trials_and_parameter_names()
    {
        // given a random sweep over lambda
        var sweep = SweepText.Parse(SweepText.Valid, "method=random", "trials=5");

        // when it is seen as a trial source
        var source = new SweepTrialSource(sweep);

        // then it gives the same trials, count, metric and swept parameter names
        Assert.Equal(sweep.Name, source.SweepName);
        Assert.Equal(5, source.Count);
        Assert.Equal(sweep.Metric, source.Metric);
        Assert.Equal(sweep.Parameters.Select(p => p.Name), source.SweptParameters);
        Assert.Equal(sweep.TrialAt(3).Id, source.TrialAt(3).Id);
        Assert.Equal(sweep.TrialAt(3).Lambda, source.TrialAt(3).Lambda);
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("random")]
    [InlineData("sobol")]
    public void Non_adaptive_source_gives_the_same_trials_with_a_history_and_leaves_it_alone(string method)
    {
        // given a non-adaptive sweep and a history holding a point for trial 1
        var source = new SweepTrialSource(SweepText.Parse(SweepText.Valid, $"method={method}", "trials=2"));
        var history = new SearchHistory();
        history.Suggest(1, [0.99]);

        // when trials are asked for with the history
        var first = source.TrialAt(0, history);
        var second = source.TrialAt(1, history);

        // then they are the trials of the plain expansion, and nothing was suggested
        Assert.False(source.Adaptive);
        SweepText.AssertSameTrial(source.TrialAt(0), first);
        SweepText.AssertSameTrial(source.TrialAt(1), second);
        Assert.Equal(1, history.SuggestedCount);
    }
}
