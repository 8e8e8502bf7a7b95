using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public class L1TermTests
{
    public L1TermTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void L1_term_sums_absolute_weights_of_weight_matrices_only()
    {
        // given a fixed small network with known weights and biases
        using var network = FixedNetwork();

        // when the L1 term is computed without biases
        using var term = L1Term.Compute(network, includeBiases: false);

        // then it equals the hand computation over the two weight matrices
        var expected = (1 + 2 + 3 + 4 + 5 + 6) + (0.5 + 1.5 + 2.5 + 3.5 + 4.5 + 5.5);
        Assert.Equal(expected, term.item<float>(), precision: 4);
    }

    [Fact]
    public void L1_term_includes_biases_only_when_asked()
    {
        using var network = FixedNetwork();

        using var withBiases = L1Term.Compute(network, includeBiases: true);

        var weights = 21.0 + 18.0;
        var biases = (0.25 + 0.75 + 0) + (1 + 2);
        Assert.Equal(weights + biases, withBiases.item<float>(), precision: 4);
    }

    /// <summary>2 inputs → 3 hidden → 2 outputs with alternating signs, so a missing abs() would show.</summary>
    private static FeedForwardNetwork FixedNetwork()
    {
        using var generator = new torch.Generator(1);
        var network = new FeedForwardNetwork(2, [3], 2, 0, generator, torch.CPU);
        using var noGrad = torch.no_grad();
        network.Layers[0].Weight.copy_(torch.tensor(new float[] { 1, -2, 3, -4, 5, -6 }, [3, 2]));
        network.Layers[0].Bias.copy_(torch.tensor(new float[] { 0.25f, -0.75f, 0 }));
        network.Layers[1].Weight.copy_(torch.tensor(new float[] { -0.5f, 1.5f, -2.5f, 3.5f, -4.5f, 5.5f }, [2, 3]));
        network.Layers[1].Bias.copy_(torch.tensor(new float[] { -1, 2 }));
        return network;
    }
}
