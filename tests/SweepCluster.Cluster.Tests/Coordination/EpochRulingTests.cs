using SweepCluster.Cluster.Coordination;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using SweepCluster.Core.Scheduling;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

public class EpochRulingTests
{
    private static TrialSearch Scheduled() => new(new ScheduledTrialSource(4, epochs: 4, () => new RungAtTwo()));

    private static TrialProgress Progress(long index, int epoch, double valLoss) =>
        new($"test-{index}", new EpochRecord(epoch, valLoss, valLoss, null), index);

    [Fact]
    public void Without_a_scheduler_or_an_index_there_is_nothing_to_ask()
    {
        Assert.Null(EpochRuling.Of(new TrialSearch(InMemoryTrialSource.Of(2)), "val_loss", Progress(0, 2, 0.5)));
        Assert.Null(EpochRuling.Of(Scheduled(), "val_loss", Progress(-1, 2, 0.5)));
    }

    [Fact]
    public void A_report_of_a_metric_the_epoch_does_not_have_is_not_asked_about()
    {
        Assert.Null(EpochRuling.Of(Scheduled(), "val_r2", Progress(0, 2, 0.5)));
    }

    [Fact]
    public void An_epoch_the_scheduler_neither_keeps_nor_decides_gets_neither_a_journal_entry_nor_a_verdict()
    {
        Assert.Equal(new EpochRuling(null, null), EpochRuling.Of(Scheduled(), "val_loss", Progress(0, 1, 0.5)));
    }

    [Fact]
    public void At_a_decision_epoch_the_kept_report_is_journaled_with_the_verdict_the_worker_waits_for()
    {
        var search = Scheduled();

        var goOn = EpochRuling.Of(search, "val_loss", Progress(0, 2, 0.5));
        var stop = EpochRuling.Of(search, "val_loss", Progress(1, 2, 0.9));

        Assert.Equal(new EpochRuling(new SchedulerReported(0, 2, 0.5), new EpochVerdict("test-0", 2, false, null)), goOn);
        Assert.Equal(new EpochRuling(new SchedulerReported(1, 2, 0.9), new EpochVerdict("test-1", 2, true, "worse than the first at epoch 2")), stop);
    }

    /// <summary>Decides at epoch 2 only, keeping those reports: a trial worse than the first one reported stops.</summary>
    private sealed class RungAtTwo : ITrialScheduler
    {
        private double? first;

        public IReadOnlyList<int> DecisionEpochs(long index) => [2];

        public bool Records(long index, int epoch) => epoch == 2;

        public SchedulerDecision Report(long index, int epoch, double value)
        {
            if (epoch != 2)
            {
                return SchedulerDecision.GoOn;
            }
            first ??= value;
            return value > first ? SchedulerDecision.StopBecause("worse than the first at epoch 2") : SchedulerDecision.GoOn;
        }
    }
}
