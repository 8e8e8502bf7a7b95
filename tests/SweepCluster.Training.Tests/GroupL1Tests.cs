using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using SweepCluster.Training.Randomness;
using TorchSharp;

namespace SweepCluster.Training.Tests;

public class GroupL1Tests
{
    public GroupL1Tests() => TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData(L1Groups.Inputs)]
    [InlineData(L1Groups.Neurons)]
    [InlineData(L1Groups.Both)]
    public void Group_term_equals_the_hand_computation(L1Groups groups)
    {
        // given 2 inputs → 3 hidden → 2 outputs with first-layer rows (1, -2), (3, -4), (5, -6)
        using var network = Network(first: [1, -2, 3, -4, 5, -6]);

        // when the group term Σ_g √p_g ‖W_g‖₂ is computed
        var term = GroupL1.Compute(network, groups);

        // then inputs: the two columns (1, 3, 5) and (-2, -4, -6), p = 3; neurons: the three rows of the hidden layer, p = 2
        // (the output layer's rows are no hidden units)
        var inputs = Math.Sqrt(3) * (Math.Sqrt(35) + Math.Sqrt(56));
        var neurons = Math.Sqrt(2) * (Math.Sqrt(5) + 5 + Math.Sqrt(61));
        var expected = groups switch { L1Groups.Inputs => inputs, L1Groups.Neurons => neurons, _ => inputs + neurons };
        Assert.Equal(expected, term, precision: 4);
    }

    [Fact]
    public void Input_step_zeroes_a_weak_column_exactly_and_shrinks_the_others_by_their_factor()
    {
        // given first-layer columns (0.1, 0.2, 0.2) of norm 0.3 and (3, 4, 0) of norm 5 (rows [3, 2])
        using var network = Network(first: [0.1f, 3, 0.2f, 4, 0.2f, 0]);
        var outputLayer = Values(network.Layers[1].Weight);
        var biases = Values(network.Layers[0].Bias);

        // when the input groups are thresholded with lr·λ = 0.25, so t_g = 0.25·√3 ≈ 0.433 for columns of 3
        GroupL1.Shrink(network, L1Groups.Inputs, 0.25);

        // then the weak column is exactly 0 and the strong one is scaled by 1 − t_g/5; nothing else moved
        var factor = 1 - 0.25 * Math.Sqrt(3) / 5;
        var weights = Values(network.Layers[0].Weight);
        Assert.Equal([0f, 0f, 0f], [weights[0], weights[2], weights[4]]);
        Assert.Equal([3 * factor, 4 * factor, 0], new double[] { weights[1], weights[3], weights[5] }, new WithinTolerance(1e-6));
        Assert.Equal(outputLayer, Values(network.Layers[1].Weight));
        Assert.Equal(biases, Values(network.Layers[0].Bias));
    }

    [Fact]
    public void Neuron_step_thresholds_each_hidden_units_incoming_row_and_leaves_the_output_layer()
    {
        // given hidden units whose incoming rows are (0.1, 0.2), (3, 4) and (0, 0.5)
        using var network = Network(first: [0.1f, 0.2f, 3, 4, 0, 0.5f]);
        var outputLayer = Values(network.Layers[1].Weight);

        // when the neuron groups are thresholded with lr·λ = 0.2, so t_g = 0.2·√2 ≈ 0.283 for rows of 2
        GroupL1.Shrink(network, L1Groups.Neurons, 0.2);

        // then the first unit (norm 0.224) is switched off, the others shrink by 1 − t_g/‖row‖; the output layer is no group
        var t = 0.2 * Math.Sqrt(2);
        var expected = new[] { 0, 0, 3 * (1 - t / 5), 4 * (1 - t / 5), 0, 0.5 * (1 - t / 0.5) };
        Assert.Equal(expected, Values(network.Layers[0].Weight).Select(v => (double)v), new WithinTolerance(1e-6));
        Assert.Equal(0f, Values(network.Layers[0].Weight)[0]);
        Assert.Equal(outputLayer, Values(network.Layers[1].Weight));
    }

    [Fact]
    public void A_zero_threshold_leaves_every_weight_as_it_was_even_a_zero_group()
    {
        // given a network with an all-zero input column
        using var network = Network(first: [0, 1, 0, -2, 0, 3]);
        var before = Values(network.Layers[0].Weight);

        // when thresholded with lr·λ = 0 (a trial at lambda 0, or one in its refit)
        GroupL1.Shrink(network, L1Groups.Both, 0);

        // then nothing changed, and the zero column did not become NaN
        Assert.Equal(before, Values(network.Layers[0].Weight));
    }

    private static float[] Values(torch.Tensor tensor) => tensor.detach().cpu().data<float>().ToArray();

    /// <summary>2 inputs → 3 hidden → 2 outputs with the given first-layer weights (<c>[3, 2]</c>, row by row) and fixed others.</summary>
    private static FeedForwardNetwork Network(float[] first)
    {
        using var random = new TrialRandom(1, torch.CPU);
        var network = new FeedForwardNetwork(2, [3], 2, 0, random);
        using var noGrad = torch.no_grad();
        network.Layers[0].Weight.copy_(torch.tensor(first, [3, 2]));
        network.Layers[1].Weight.copy_(torch.tensor(new float[] { -0.5f, 1.5f, -2.5f, 3.5f, -4.5f, 5.5f }, [2, 3]));
        return network;
    }
}
