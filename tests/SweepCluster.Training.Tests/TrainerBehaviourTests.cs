using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

public class TrainerBehaviourTests : IDisposable
{
    private readonly TorchTrialTrainer trainer = new();

    [Fact]
    public void Loss_decreases_on_a_learnable_problem()
    {
        var result = trainer.Train(TrialSpecs.Small(), null, CancellationToken.None);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss * 0.9, $"train loss {result.History[0].TrainLoss} → {result.History[^1].TrainLoss}");
        Assert.True(result.Metrics!.ValLoss < Math.Log(3) * 0.9, $"val_loss {result.Metrics.ValLoss} should beat chance ({Math.Log(3)})");
        Assert.True(result.Metrics.ValAccuracy > 0.6);
    }

    [Fact]
    public void Same_spec_and_seed_give_identical_metrics()
    {
        var spec = TrialSpecs.Small(lambda: 1e-3, dropout: 0.2);

        var first = trainer.Train(spec, null, CancellationToken.None).Metrics!;
        var second = trainer.Train(spec, null, CancellationToken.None).Metrics!;

        Assert.Equal(first.ValLoss, second.ValLoss);
        Assert.Equal(first.TrainLoss, second.TrainLoss);
        Assert.Equal(first.L1Norm, second.L1Norm);
        Assert.Equal(first.Sparsity, second.Sparsity);
        Assert.Equal(first.BestEpoch, second.BestEpoch);
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        var first = trainer.Train(TrialSpecs.Small(dropout: 0.2, seed: 1), null, CancellationToken.None).Metrics!;
        var second = trainer.Train(TrialSpecs.Small(dropout: 0.2, seed: 2), null, CancellationToken.None).Metrics!;

        Assert.NotEqual(first.ValLoss, second.ValLoss);
    }

    [Fact]
    public void Huge_learning_rate_ends_as_diverged_with_a_reason()
    {
        var spec = TrialSpecs.Small(training: new TrainingSettings(Epochs: 5, BatchSize: 64, LearningRate: 1e12, Optimizer: OptimizerKind.Sgd, Threads: 1));

        var result = trainer.Train(spec, null, CancellationToken.None);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Contains("learning_rate", result.Reason);
    }

    [Fact]
    public void Every_epoch_is_reported_and_kept_in_the_history()
    {
        var reported = new List<EpochRecord>();

        var result = trainer.Train(TrialSpecs.Small(), reported.Add, CancellationToken.None);

        Assert.Equal(8, reported.Count);
        Assert.Equal(reported, result.History);
        Assert.Equal(Enumerable.Range(1, 8), reported.Select(r => r.Epoch));
        Assert.Equal(8, result.Metrics!.EpochsRun);
    }

    [Fact]
    public void A_trial_the_gate_stops_ends_stopped_early_with_its_best_epoch_so_far()
    {
        // given a gate that lets the trial go on after epochs 1 and 2 and stops it after epoch 3
        var reported = new List<EpochRecord>();
        var asked = new List<int>();

        // when it trains
        var result = trainer.Train(TrialSpecs.Small(), reported.Add, CancellationToken.None, (position, epoch) =>
        {
            asked.Add(epoch);
            return epoch < 3;
        });

        // then it ran 3 epochs, reported each, and its metrics are those of its best epoch among them
        Assert.Equal(TrialStatus.StoppedEarly, result.Status);
        Assert.Equal([1, 2, 3], asked);
        Assert.Equal(3, result.Metrics!.EpochsRun);
        Assert.Equal(reported, result.History);
        Assert.Equal(reported.Min(r => r.ValLoss), result.Metrics.ValLoss);
        Assert.Contains("epoch 3", result.Reason);
    }

    [Fact]
    public void The_gate_is_not_asked_after_the_last_epoch()
    {
        // given a gate that would stop every trial
        var asked = new List<int>();

        // when a trial of 8 epochs trains
        var result = trainer.Train(TrialSpecs.Small(), null, CancellationToken.None, (_, epoch) => { asked.Add(epoch); return epoch != 8; });

        // then the gate saw epochs 1..7 only, and the trial completed
        Assert.Equal(Enumerable.Range(1, 7), asked);
        Assert.Equal(TrialStatus.Completed, result.Status);
    }

    [Fact]
    public void A_trial_without_a_refit_is_not_asked_after_its_last_epoch_in_a_sweep_with_refits()
    {
        // given a sweep whose trials refit for 3 epochs after 4, and a trial at lambda 0 (which has no refit)
        var training = new TrainingSettings(Epochs: 4, BatchSize: 64, LearningRate: 1e-2, RefitEpochs: 3, Threads: 1);
        var asked = new List<int>();

        // when it trains with a gate that would stop it after any epoch from the 4th on
        var result = trainer.Train(TrialSpecs.Small(lambda: 0, training: training), null, CancellationToken.None,
            (_, epoch) => { asked.Add(epoch); return epoch < 4; });

        // then it completed its 4 epochs: the gate was not asked after its own last one
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(4, result.Metrics!.EpochsRun);
        Assert.Equal([1, 2, 3], asked);
    }

    [Fact]
    public void Cancellation_between_steps_ends_the_trial_as_interrupted()
    {
        using var cancellation = new CancellationTokenSource();

        var result = trainer.Train(TrialSpecs.Small(), epoch => { if (epoch.Epoch == 2) cancellation.Cancel(); }, cancellation.Token);

        Assert.Equal(TrialStatus.Interrupted, result.Status);
        Assert.Equal(2, result.History.Count);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch_metrics()
    {
        var spec = TrialSpecs.Small(training: new TrainingSettings(Epochs: 60, BatchSize: 32, LearningRate: 3e-2, Patience: 3, Threads: 1));

        var result = trainer.Train(spec, null, CancellationToken.None);

        var metrics = result.Metrics!;
        Assert.True(metrics.EpochsRun < 60, "patience 3 should stop an overfitting run early");
        Assert.Equal(metrics.BestEpoch + 3, metrics.EpochsRun);
        Assert.Equal(result.History.Min(h => h.ValLoss), metrics.ValLoss);
    }

    [Fact]
    public void Metrics_count_parameters_of_the_architecture()
    {
        var result = trainer.Train(TrialSpecs.Small(widths: [32, 16]), null, CancellationToken.None);

        // 12→32→16→3 with biases
        Assert.Equal(12 * 32 + 32 + 32 * 16 + 16 + 16 * 3 + 3, result.Metrics!.Parameters);
        Assert.Equal(3, result.Metrics.LayerSparsity.Count);
    }

    public void Dispose() => trainer.Dispose();
}
