using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

/// <summary>The epoch bookkeeping single and packed runs share: best epoch, patience, refit, the gate.</summary>
public class TrialProgressTests
{
    private static readonly Func<bool> Allow = () => true;

    [Fact]
    public void The_best_epoch_is_the_lowest_validation_loss_and_a_tie_keeps_the_earlier_one()
    {
        var progress = Progress(epochs: 5);

        bool[] improved = [progress.Record(Epoch(1, 0.5)), progress.Record(Epoch(2, 0.4)), progress.Record(Epoch(3, 0.4)), progress.Record(Epoch(4, 0.6))];

        Assert.Equal([true, true, false, false], improved);
        Assert.Equal(2, progress.Best!.Epoch);
        Assert.Equal([1, 2, 3, 4], progress.History.Select(r => r.Epoch));
    }

    [Fact]
    public void A_nan_loss_never_becomes_the_best_after_a_number()
    {
        var progress = Progress(epochs: 5);
        progress.Record(Epoch(1, 0.5));

        var improved = progress.Record(Epoch(2, double.NaN));

        Assert.False(improved);
        Assert.Equal(1, progress.Best!.Epoch);
    }

    [Fact]
    public void Patience_ends_the_phase_after_that_many_epochs_without_improvement()
    {
        var progress = Progress(epochs: 10, patience: 2);
        var outcomes = new List<EpochOutcome>();

        double[] losses = [0.5, 0.4, 0.45, 0.41];
        for (var epoch = 1; epoch <= losses.Length; epoch++)
        {
            progress.Record(Epoch(epoch, losses[epoch - 1]));
            outcomes.Add(progress.Conclude(epoch, Allow));
        }

        Assert.Equal([EpochOutcome.Continue, EpochOutcome.Continue, EpochOutcome.Continue, EpochOutcome.Completed], outcomes);
    }

    [Fact]
    public void The_refit_follows_the_regularized_epochs_and_its_first_epoch_is_the_best_whatever_its_loss()
    {
        var progress = Progress(epochs: 2, refitEpochs: 2, lambda: 0.1);

        progress.Record(Epoch(1, 0.3));
        var first = progress.Conclude(1, Allow);
        progress.Record(Epoch(2, 0.2));
        var second = progress.Conclude(2, Allow);
        var lambdaInRefit = progress.Lambda;
        var refitImproved = progress.Record(Epoch(3, 0.9));
        var third = progress.Conclude(3, Allow);
        progress.Record(Epoch(4, 0.95));
        var fourth = progress.Conclude(4, Allow);

        Assert.Equal([EpochOutcome.Continue, EpochOutcome.Refit, EpochOutcome.Continue, EpochOutcome.Completed], [first, second, third, fourth]);
        Assert.True(progress.Refitting);
        Assert.Equal(0, lambdaInRefit);
        Assert.True(refitImproved);
        Assert.Equal(3, progress.Best!.Epoch);
        Assert.Equal(4, progress.LastEpoch);
    }

    [Fact]
    public void A_trial_at_lambda_zero_has_no_refit()
    {
        var progress = Progress(epochs: 1, refitEpochs: 3, lambda: 0);

        progress.Record(Epoch(1, 0.3));

        Assert.Equal(EpochOutcome.Completed, progress.Conclude(1, Allow));
        Assert.False(progress.Refitting);
    }

    [Fact]
    public void The_gate_is_asked_before_every_epoch_but_the_final_one_and_can_stop_the_trial()
    {
        var progress = Progress(epochs: 2, refitEpochs: 1, lambda: 0.1);
        var asked = new List<int>();

        for (var epoch = 1; epoch <= 3; epoch++)
        {
            progress.Record(Epoch(epoch, 1.0 / epoch));
            var e = epoch;
            progress.Conclude(epoch, () => { asked.Add(e); return true; });
        }
        var stopped = Progress(epochs: 3);
        stopped.Record(Epoch(1, 0.5));

        // the last regularized epoch is not final while a refit follows; the refit's last one is
        Assert.Equal([1, 2], asked);
        Assert.Equal(EpochOutcome.StoppedEarly, stopped.Conclude(1, () => false));
    }

    private static TrialProgress Progress(int epochs, int patience = 0, int refitEpochs = 0, double lambda = 0) =>
        new(TrialSpecs.Small(lambda: lambda, training: new TrainingSettings(Epochs: epochs, Patience: patience, RefitEpochs: refitEpochs)));

    private static EpochRecord Epoch(int epoch, double valLoss) => new(epoch, 1.0, valLoss, null);
}
