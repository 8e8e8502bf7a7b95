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
}
