using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Optimization;
using TorchSharp;

namespace SweepCluster.Training.Tests;

/// <summary>The one optimizer choice both paths make, and the one L1 plan both steps follow.</summary>
public class OptimizerChoiceTests
{
    [Theory]
    [InlineData(OptimizerKind.Sgd, "sgd")]
    [InlineData(OptimizerKind.Adam, "adam")]
    public void Training_optimizer_picks_the_constructor(OptimizerKind kind, string expected)
    {
        using var weight = torch.zeros(2, 2);
        using var bias = torch.zeros(2);

        var chosen = OptimizerChoice.Create(new TrainingSettings(Optimizer: kind), [(weight, bias)], sgd: _ => "sgd", adam: _ => "adam");

        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void The_chosen_optimizer_gets_the_biases_penalized_only_with_include_biases()
    {
        using var weight = torch.zeros(2, 2);
        using var bias = torch.zeros(2);

        var parameters = OptimizerChoice.Create(new TrainingSettings(IncludeBiases: true), [(weight, bias)], sgd: p => p, adam: p => p);

        Assert.Equal([true, true], parameters.Select(p => p.Penalized));
        Assert.Same(bias, parameters[1].Value);
    }

    [Theory]
    [InlineData(L1Mode.Penalty, true, true, false, false)]
    [InlineData(L1Mode.Proximal, true, false, true, false)]
    [InlineData(L1Mode.Group, true, false, false, true)]
    [InlineData(L1Mode.Group, false, false, false, false)]
    [InlineData(L1Mode.Penalty, false, false, false, false)]
    public void The_l1_mode_decides_what_happens_around_the_step(L1Mode mode, bool penalized, bool gradient, bool proximal, bool groups)
    {
        Assert.Equal(new L1Plan(gradient, proximal, groups), L1Plan.For(mode, penalized));
    }
}
