using SweepCluster.Core.Search;

namespace SweepCluster.Core.Tests.Repeats;

/// <summary>An adaptive search sees one observation per configuration: the mean of its finished repeats.</summary>
public class RepeatHistoryTests
{
    [Fact]
    public void Tpe_observes_the_mean_of_a_configurations_finished_repeats()
    {
        // given a history of 3 repeats per configuration, with configurations 0 and 1 suggested
        var history = new SearchHistory(3);
        history.Suggest(0, [0.25]);
        history.Suggest(3, [0.75]);

        // when two repeats of configuration 0 and one of configuration 1 finish
        history.Observe(1, 0.5);
        history.Observe(4, 2.0);
        history.Observe(0, 0.25);

        // then configuration 0 is observed at the mean of its two, configuration 1 at its one, in order of first arrival
        Assert.Equal([(0L, 0.375), (1L, 2.0)], history.Observations.Select(o => (o.Index, o.Loss!.Value)));
        Assert.Equal([0.25], history.Observations[0].Point);
        Assert.Empty(history.Pending);

        // and the third repeat moves the mean; a repeat without a loss is left out of it
        history.Observe(2, 0.75);
        history.Observe(5, null);
        Assert.Equal([(0L, 0.5), (1L, 2.0)], history.Observations.Select(o => (o.Index, o.Loss!.Value)));
    }

    [Fact]
    public void Every_repeat_of_a_configuration_has_its_point_and_a_configuration_without_a_result_is_pending()
    {
        var history = new SearchHistory(2);
        history.Suggest(2, [0.1, 0.9]);

        Assert.True(history.TryGetPoint(3, out var point));
        Assert.Equal([0.1, 0.9], point);
        Assert.False(history.TryGetPoint(1, out _));
        Assert.Equal([1L], history.Pending.Select(p => p.Index));
    }

    [Fact]
    public void A_configuration_whose_finished_repeats_all_failed_is_a_bad_observation()
    {
        var history = new SearchHistory(2);
        history.Suggest(0, [0.5]);

        history.Observe(0, null);
        history.Observe(1, double.NaN);

        Assert.Null(Assert.Single(history.Observations).Loss);
    }

    [Fact]
    public void With_one_repeat_a_trial_is_a_configuration_and_its_loss_is_kept_as_given()
    {
        var history = new SearchHistory();
        history.Observe(4, double.PositiveInfinity);
        history.Suggest(4, [0.3]);
        history.Observe(4, 1.0);

        Assert.Equal((4L, double.PositiveInfinity), (history.Observations[0].Index, history.Observations[0].Loss!.Value));
    }
}
