using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Tests;

/// <summary>The refit starts with a fresh optimizer state, alone and in a pack.</summary>
public class RefitOptimizerTests : IDisposable
{
    private readonly DatasetCache datasets = new();

    public RefitOptimizerTests()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
    }

    [Fact]
    public void A_lone_trials_refit_steps_with_a_new_optimizer_and_the_old_one_is_gone()
    {
        // given a group-lasso trial of 5 regularized and 3 refit epochs, whose optimizers are watched
        var training = new TrainingSettings(Epochs: 5, BatchSize: 64, LearningRate: 1e-2, L1Mode: L1Mode.Group, RefitEpochs: 3, Threads: 1);
        var trial = TrialSpecs.Small(lambda: 0.5, training: training);
        var data = datasets.Get(trial.Data, torch.CPU);
        var log = new List<string>();
        var made = 0;
        IParameterOptimizer Watch(TrainingSettings settings, FeedForwardNetwork network) =>
            new LoggingOptimizer(TrialRun.CreateOptimizer(settings, network), $"optimizer {made++}", log);

        // when it trains, and trains again without the watch
        using var run = new TrialRun(trial, data, trial.Outputs, torch.CPU, newOptimizer: Watch);
        var watched = run.Execute(null, CancellationToken.None);
        using var trainer = new TorchTrialTrainer();
        var plain = trainer.Train(trial, null, CancellationToken.None);

        // then a second optimizer took every refit step, after the first had taken all the regularized ones and been
        // disposed, and watching changed no number
        var steps = (int)Math.Ceiling(data.TrainRows / 64.0);
        string[] expected =
        [
            .. Enumerable.Repeat("optimizer 0 step", 5 * steps),
            "optimizer 0 disposed",
            .. Enumerable.Repeat("optimizer 1 step", 3 * steps),
        ];
        Assert.Equal(2, made);
        Assert.Equal(expected, log);
        Assert.Equal(plain.History, watched.History);
    }

    [Fact]
    public void A_restarted_slice_of_a_packed_adam_steps_as_a_new_adam_while_the_others_go_on()
    {
        // given a packed weight [2, 2, 3] and two lone weights equal to its slices, each under its own Adam
        const double rate = 0.05;
        float[] start = [0.5f, -0.3f, 0.8f, 0.1f, -0.9f, 0.4f];
        using var packed = torch.tensor([.. start, .. start], [2, 2, 3]).requires_grad_();
        using var first = torch.tensor(start, [2, 3]).requires_grad_();
        using var second = torch.tensor(start, [2, 3]).requires_grad_();
        using var packedAdam = new PackedAdam([new OptimizedParameter(packed, true)]);
        using var firstAdam = new AdamOptimizer([new OptimizedParameter(first, true)], rate);
        var secondAdam = new AdamOptimizer([new OptimizedParameter(second, true)], rate);
        using var rates = torch.full([2, 1, 1], rate);

        // when all take three steps, trial 1's packed slice restarts as the second lone weight gets a new Adam, and all take two more
        for (var step = 0; step < 5; step++)
        {
            if (step == 3)
            {
                using var restart = torch.tensor(new[] { false, true }, [2, 1, 1]);
                packedAdam.RestartSlices(restart);
                secondAdam.Dispose();
                secondAdam = new AdamOptimizer([new OptimizedParameter(second, true)], rate);
            }
            Step(packed, _ => packedAdam.Step(rates, null), step);
            Step(first, _ => firstAdam.Step(0), step);
            Step(second, _ => secondAdam.Step(0), step);
        }
        secondAdam.Dispose();

        // then slice 0 follows the Adam that never restarted and slice 1 the new one
        Assert.Equal(Values(first), Values(packed[0]), new WithinTolerance(1e-6));
        Assert.Equal(Values(second), Values(packed[1]), new WithinTolerance(1e-6));
        Assert.NotEqual(Values(first), Values(second), new WithinTolerance(1e-4));
    }

    /// <summary>A loss whose gradient is a fixed pattern that changes with the step: <c>Σ w·c</c>, c = sin(step + position mod 6), the same for each packed slice as for a lone weight.</summary>
    private static void Step(torch.Tensor weight, Action<torch.Tensor> optimizerStep, int step)
    {
        using var scope = torch.NewDisposeScope();
        weight.grad?.zero_();
        var pattern = torch.arange(weight.numel(), dtype: torch.float32).remainder(6).add(step).sin().view(weight.shape);
        weight.mul(pattern).sum().backward();
        optimizerStep(weight);
    }

    private static double[] Values(torch.Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().Select(v => (double)v).ToArray();

    public void Dispose() => datasets.Dispose();

    /// <summary>Passes every call on, writing each step and the disposal to a shared log.</summary>
    private sealed class LoggingOptimizer(IParameterOptimizer inner, string name, List<string> log) : IParameterOptimizer
    {
        public void Step(double proximalLambda)
        {
            log.Add($"{name} step");
            inner.Step(proximalLambda);
        }

        public void ZeroGradients() => inner.ZeroGradients();

        public void Dispose()
        {
            log.Add($"{name} disposed");
            inner.Dispose();
        }
    }
}
