using SweepCluster.Training.Native;
using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Tests;

public class AdamOptimizerTests
{
    public AdamOptimizerTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Own_adam_matches_torchsharp_adam_in_penalty_mode()
    {
        // given the same start and the same loss for both optimizers
        using var ours = StartingWeights();
        using var theirs = new TorchSharp.Modules.Parameter(StartingWeights());
        using var ownAdam = new AdamOptimizer([new OptimizedParameter(ours, true)], learningRate: 0.05);
        var torchAdam = torch.optim.Adam([theirs], lr: 0.05);

        // when both take 25 steps
        for (var step = 0; step < 25; step++)
        {
            ownAdam.ZeroGradients();
            Loss(ours).backward();
            ownAdam.Step(proximalLambda: 0);

            torchAdam.zero_grad();
            Loss(theirs).backward();
            torchAdam.step();
        }

        // then they end at the same weights
        Assert.True(ours.allclose(theirs, rtol: 1e-5, atol: 1e-6), $"{string.Join(",", ours.data<float>().ToArray())} vs {string.Join(",", theirs.data<float>().ToArray())}");
    }

    [Fact]
    public void Proximal_adam_step_zeroes_weights_whose_gradient_is_weaker_than_lambda()
    {
        // given weights where the loss pulls only on the first entry
        using var weights = torch.tensor(new float[] { 1, 0.01f, -0.01f }, requires_grad: true);
        using var adam = new AdamOptimizer([new OptimizedParameter(weights, true)], learningRate: 0.01);

        // when proximal steps run with a lambda larger than the other entries' gradients
        for (var step = 0; step < 5; step++)
        {
            adam.ZeroGradients();
            using var scope = torch.NewDisposeScope();
            weights.mul(torch.tensor(new float[] { 1, 1e-4f, 1e-4f })).sum().backward();
            adam.Step(proximalLambda: 1);
        }

        // then those entries are exactly zero and the first is not
        var values = weights.data<float>().ToArray();
        Assert.NotEqual(0, values[0]);
        Assert.Equal(0, values[1]);
        Assert.Equal(0, values[2]);
    }

    private static Tensor StartingWeights() =>
        torch.tensor(new float[] { 0.5f, -1.5f, 2, 0.1f, -0.3f, 1 }, [2, 3], requires_grad: true);

    /// <summary>A non-quadratic loss so that the gradient changes every step.</summary>
    private static Tensor Loss(Tensor weights) => weights.pow(4).sum().add(weights.sin().sum());
}
