using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using SweepCluster.Training.Randomness;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public class RefitTests : IDisposable
{
    private readonly TorchTrialTrainer trainer = new();

    public RefitTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Frozen_entries_stay_exactly_zero_through_adam_steps_while_the_others_move()
    {
        // given a network whose first layer has an exact zero and two entries under the threshold 1e-3
        using var random = new TrialRandom(3, torch.CPU);
        using var network = new FeedForwardNetwork(2, [3], 2, 0, random);
        using (torch.no_grad())
        {
            network.Layers[0].Weight.copy_(torch.tensor(new float[] { 0, 0.8f, 5e-4f, -0.6f, 0.7f, -9e-4f }, [3, 2]));
        }
        var parameters = network.Layers.SelectMany(l => new[] { new OptimizedParameter(l.Weight, true), new OptimizedParameter(l.Bias, false) }).ToList();
        using var adam = new AdamOptimizer(parameters, 0.05);
        using var input = torch.tensor(new float[] { 0.3f, -1.2f, 2.0f, 0.7f }, [2, 2]);
        using var labels = torch.tensor(new long[] { 1, 0 });

        // when the pattern is frozen and Adam takes ten steps with the masks, then one without them
        using var pattern = ZeroPattern.Freeze(network.Weights.ToList(), 1e-3);
        var frozen = Values(network.Layers[0].Weight);
        for (var step = 0; step < 10; step++)
        {
            Step(network, adam, input, labels, pattern);
        }
        var refitted = Values(network.Layers[0].Weight);
        Step(network, adam, input, labels, pattern: null);

        // then the small entries became exactly 0 and, with the masks, stayed 0 while every other entry moved;
        // without them Adam's momentum moves the zeros (so the masks are what keeps them)
        Assert.Equal([0f, 0.8f, 0f, -0.6f, 0.7f, 0f], frozen);
        Assert.Equal([0f, 0f, 0f], [refitted[0], refitted[2], refitted[5]]);
        Assert.All(new[] { 1, 3, 4 }, i => Assert.NotEqual(frozen[i], refitted[i]));
        Assert.NotEqual(0f, Values(network.Layers[0].Weight)[2]);
    }

    [Fact]
    public void A_refit_follows_the_regularized_epochs_and_keeps_their_zero_pattern()
    {
        // given a group-lasso trial over whole inputs strong enough to drop some, with a 4-epoch and a 1-epoch refit
        var training = new TrainingSettings(Epochs: 8, BatchSize: 64, LearningRate: 1e-2, L1Mode: L1Mode.Group, RefitEpochs: 4, Threads: 1);
        var longRefit = TrialSpecs.Small(lambda: 0.8, training: training);
        var shortRefit = TrialSpecs.Small(lambda: 0.8, training: training with { RefitEpochs = 1 });

        // when both train
        var result = trainer.Train(longRefit, null, CancellationToken.None);
        var oneEpoch = trainer.Train(shortRefit, null, CancellationToken.None);

        // then the history shows 8 regularized epochs and 4 refit ones, numbered on, and the metrics are the refit's best
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(Enumerable.Range(1, 12), result.History.Select(h => h.Epoch));
        Assert.Equal(Enumerable.Repeat(false, 8).Concat(Enumerable.Repeat(true, 4)), result.History.Select(h => h.Refit));
        var metrics = result.Metrics!;
        Assert.Equal(12, metrics.EpochsRun);
        Assert.InRange(metrics.BestEpoch, 9, 12);
        Assert.Equal(result.History.Where(h => h.Refit).Min(h => h.ValLoss), metrics.ValLoss);
        Assert.Equal(9, oneEpoch.Metrics!.BestEpoch);

        // and selection happened, and every refit epoch kept the pattern frozen after epoch 8
        Assert.InRange(metrics.ActiveInputs, 1, 11);
        Assert.Equal(oneEpoch.Metrics.ActiveInputNames, metrics.ActiveInputNames);
        Assert.Equal(oneEpoch.Metrics.ActiveNeurons, metrics.ActiveNeurons);
        Assert.Equal(oneEpoch.Metrics.ExactZeroFraction, metrics.ExactZeroFraction);
        Assert.True(metrics.ExactZeroFraction >= (12.0 - metrics.ActiveInputs) * 32 / (12 * 32 + 32 * 16 + 16 * 3));
    }

    [Fact]
    public void A_trial_at_lambda_zero_selects_nothing_and_has_no_refit()
    {
        // given a trial at lambda 0 that asks for a refit, and the same trial without one
        var training = new TrainingSettings(Epochs: 6, BatchSize: 64, LearningRate: 1e-2, L1Mode: L1Mode.Group, RefitEpochs: 4, Threads: 1);
        var asked = trainer.Train(TrialSpecs.Small(training: training), null, CancellationToken.None);
        var without = trainer.Train(TrialSpecs.Small(training: training with { RefitEpochs = 0 }), null, CancellationToken.None);

        // then it trains its 6 epochs only, with the metrics of its best one, as if no refit had been asked for
        Assert.Equal(6, asked.Metrics!.EpochsRun);
        Assert.DoesNotContain(asked.History, h => h.Refit);
        Assert.Equal(without.Metrics!.ValLoss, asked.Metrics.ValLoss);
        Assert.Equal(without.Metrics.BestEpoch, asked.Metrics.BestEpoch);
    }

    [Fact]
    public void Patience_ends_each_phase_on_its_own()
    {
        // given a trial with patience 1 over 30 regularized epochs and a 5-epoch refit
        var training = new TrainingSettings(Epochs: 30, BatchSize: 64, LearningRate: 3e-2, L1Mode: L1Mode.Proximal, Patience: 1, RefitEpochs: 5, Threads: 1);

        // when it trains
        var result = trainer.Train(TrialSpecs.Small(lambda: 1e-3, training: training), null, CancellationToken.None);

        // then the regularized phase stopped early, the refit still ran (up to its 5 epochs) right after, and it completed
        var regularized = result.History.Count(h => !h.Refit);
        var refit = result.History.Count(h => h.Refit);
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.InRange(regularized, 2, 29);
        Assert.InRange(refit, 2, 5);
        Assert.Equal(result.History.Take(regularized), result.History.Where(h => !h.Refit));
        Assert.True(result.Metrics!.BestEpoch > regularized);
    }

    [Fact]
    public void The_gate_is_asked_through_the_refit_epochs_and_may_stop_a_trial_there()
    {
        // given a trial of 4 regularized and 3 refit epochs, and gates that record what they are asked
        var training = new TrainingSettings(Epochs: 4, BatchSize: 64, LearningRate: 1e-2, L1Mode: L1Mode.Group, RefitEpochs: 3, Threads: 1);
        var trial = TrialSpecs.Small(lambda: 0.5, training: training);
        var asked = new List<int>();
        var askedBeforeStop = new List<int>();

        // when it trains with a gate that always says go on, and with one that stops it after epoch 6
        var full = trainer.Train(trial, null, CancellationToken.None, (_, epoch) => { asked.Add(epoch); return true; });
        var stopped = trainer.Train(trial, null, CancellationToken.None, (_, epoch) => { askedBeforeStop.Add(epoch); return epoch != 6; });

        // then the gate is asked after every epoch but the 7th and last; the stopped trial has the refit's best of epochs 5-6
        Assert.Equal([1, 2, 3, 4, 5, 6], asked);
        Assert.Equal(7, full.Metrics!.EpochsRun);
        Assert.Equal(TrialStatus.StoppedEarly, stopped.Status);
        Assert.Equal([1, 2, 3, 4, 5, 6], askedBeforeStop);
        Assert.Equal(6, stopped.Metrics!.EpochsRun);
        Assert.InRange(stopped.Metrics.BestEpoch, 5, 6);
    }

    private static void Step(FeedForwardNetwork network, AdamOptimizer adam, torch.Tensor input, torch.Tensor labels, ZeroPattern? pattern)
    {
        using var scope = torch.NewDisposeScope();
        adam.ZeroGradients();
        torch.nn.functional.cross_entropy(network.Forward(input, training: true), labels).backward();
        pattern?.MaskGradients();
        adam.Step(0);
        pattern?.Reapply();
    }

    private static float[] Values(torch.Tensor tensor) => tensor.detach().cpu().data<float>().ToArray();

    public void Dispose() => trainer.Dispose();
}
