using SweepCluster.Core.Analysis;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Analysis;

public class AnalysisTrialTests
{
    private static LeaderboardEntry Entry(int index, TrialStatus status, double valLoss)
    {
        var metrics = new TrialMetrics(valLoss, 0.5, 0.5, 1, 0.1, 0, [], 3, 100, 2, 2, 0.1, 1000);
        return new LeaderboardEntry(index, [new SweptValue("lambda", $"{index}e-04")],
            new TrialResult($"t-{index}", status, null, status == TrialStatus.Failed ? null : metrics, []));
    }

    [Fact]
    public void Only_ranked_trials_with_a_finite_metric_are_analysed_in_rank_order()
    {
        // Given completed, stopped-early, diverged, failed and interrupted trials
        var rows = new LeaderboardRanking(MetricSpec.Default).Rank(
        [
            Entry(0, TrialStatus.Completed, 0.5),
            Entry(1, TrialStatus.StoppedEarly, 0.4),
            Entry(2, TrialStatus.Diverged, double.NaN),
            Entry(3, TrialStatus.Failed, 0),
            Entry(4, TrialStatus.Interrupted, 0.1),
            Entry(5, TrialStatus.Completed, 0.7),
        ]);

        // When taken for the analysis
        var trials = AnalysisTrial.FromLeaderboard(rows, MetricSpec.Default);

        // Then the completed and stopped_early ones come, best first, with their metric and swept texts
        Assert.Equal(["t-1", "t-0", "t-5"], trials.Select(t => t.TrialId));
        Assert.Equal([0.4, 0.5, 0.7], trials.Select(t => t.Metric));
        Assert.Equal("1e-04", trials[0].Text("lambda"));
        Assert.Equal("", trials[0].Text("dropout"));
    }
}
