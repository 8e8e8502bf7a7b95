using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using SweepCluster.Training.Randomness;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Added_gradient_equals_autograd_of_the_term(bool includeBiases)
    {
        // given the network with one exact zero weight, a cross-entropy backward already in the gradients
        using var byAutograd = FixedNetwork();
        using var byHand = FixedNetwork();
        using var input = torch.tensor(new float[] { 0.3f, -1.2f, 2.0f, 0.7f }, [2, 2]);
        using var labels = torch.tensor(new long[] { 1, 0 });
        const double lambda = 3e-3;

        // when one takes the gradient of CE + lambda·Σ|w| through autograd and the other adds lambda·sign(w) to CE's
        using (var loss = torch.nn.functional.cross_entropy(byAutograd.Forward(input, training: false), labels)
            .add(L1Term.Compute(byAutograd, includeBiases).mul(lambda)))
        {
            loss.backward();
        }
        using (var crossEntropy = torch.nn.functional.cross_entropy(byHand.Forward(input, training: false), labels))
        {
            crossEntropy.backward();
        }
        L1Term.AddGradient(byHand, includeBiases, lambda);

        // then every gradient is the same number
        foreach (var (expected, actual) in byAutograd.Weights.Concat(byAutograd.Biases).Zip(byHand.Weights.Concat(byHand.Biases)))
        {
            Assert.Equal(expected.grad!.data<float>().ToArray(), actual.grad!.data<float>().ToArray());
        }
    }

    /// <summary>2 inputs → 3 hidden → 2 outputs with alternating signs, so a missing abs() would show.</summary>
    private static FeedForwardNetwork FixedNetwork()
    {
        using var random = new TrialRandom(1, torch.CPU);
        var network = new FeedForwardNetwork(2, [3], 2, 0, random);
        using var noGrad = torch.no_grad();
        network.Layers[0].Weight.copy_(torch.tensor(new float[] { 1, -2, 3, -4, 5, -6 }, [3, 2]));
        network.Layers[0].Bias.copy_(torch.tensor(new float[] { 0.25f, -0.75f, 0 }));  // 0: sign 0, as |w|' at 0
        network.Layers[1].Weight.copy_(torch.tensor(new float[] { -0.5f, 1.5f, -2.5f, 3.5f, -4.5f, 5.5f }, [2, 3]));
        network.Layers[1].Bias.copy_(torch.tensor(new float[] { -1, 2 }));
        return network;
    }
}
