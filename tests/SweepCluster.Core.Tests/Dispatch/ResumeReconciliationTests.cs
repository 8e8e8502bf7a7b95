using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Dispatch;

public class ResumeReconciliationTests
{
    [Fact]
    public void Recorded_trials_the_journal_lacks_are_adopted_and_journaled_ones_the_file_lacks_are_missing()
    {
        // given a journal that settled 0, 1 and 2, and a results file that holds 1, 2, 4 and 5
        var reconciliation = new ResumeReconciliation();
        reconciliation.Journaled(0, TrialStatus.Completed);
        reconciliation.Journaled(1, TrialStatus.Completed);
        reconciliation.Journaled(2, TrialStatus.Failed);
        var tally = new SweepTally(new TrialQueue(8));

        // when they are reconciled
        var outcome = reconciliation.Reconcile(
            [(1, TrialStatus.Completed), (2, TrialStatus.Failed), (4, TrialStatus.StoppedEarly), (5, TrialStatus.Failed)], tally);

        // then 4 and 5 are adopted in file order, 0 is missing (it runs again), and the four recorded ones are settled
        Assert.Equal([(4L, TrialStatus.StoppedEarly), (5L, TrialStatus.Failed)], outcome.Adopted);
        Assert.Equal(1, outcome.Missing);
        Assert.Equal(4, outcome.Resumed);
        Assert.False(tally.IsSettled(0));
        Assert.Equal(2, tally.Done);
        Assert.Equal(2, tally.Failed);
    }

    [Fact]
    public void A_trial_recorded_twice_is_adopted_once()
    {
        var reconciliation = new ResumeReconciliation();
        var tally = new SweepTally(new TrialQueue(3));

        var outcome = reconciliation.Reconcile([(2, TrialStatus.Completed), (2, TrialStatus.Completed)], tally);

        Assert.Equal([(2L, TrialStatus.Completed)], outcome.Adopted);
        Assert.Equal(0, outcome.Missing);
        Assert.Equal(1, outcome.Resumed);
        Assert.Equal(1, tally.Done);
    }

    [Fact]
    public void A_fresh_sweep_adopts_nothing_and_resumes_nothing()
    {
        var outcome = new ResumeReconciliation().Reconcile([], new SweepTally(new TrialQueue(5)));

        Assert.Empty(outcome.Adopted);
        Assert.Equal(0, outcome.Missing);
        Assert.Equal(0, outcome.Resumed);
    }

    [Fact]
    public void A_journal_whose_results_file_is_gone_has_every_trial_missing()
    {
        var reconciliation = new ResumeReconciliation();
        reconciliation.Journaled(3, TrialStatus.Completed);
        reconciliation.Journaled(1, TrialStatus.Failed);
        reconciliation.Journaled(3, TrialStatus.Completed);

        var outcome = reconciliation.Reconcile([], new SweepTally(new TrialQueue(5)));

        Assert.Equal(2, outcome.Missing);
        Assert.Equal(0, outcome.Resumed);
    }
}
