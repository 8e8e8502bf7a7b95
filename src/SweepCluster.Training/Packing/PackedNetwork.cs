using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Network;
using SweepCluster.Training.Optimization;
using SweepCluster.Training.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// K networks of one architecture as one stacked model: layer weights <c>[K, in, out]</c>, biases
/// <c>[K, 1, out]</c>, each layer one batched matmul plus bias (TorchSharp 0.107's <c>baddbmm</c>
/// rejects these valid shapes with an expand error, so it is not used). Trial k's slice starts from exactly the parameters its
/// own <see cref="FeedForwardNetwork"/> would have (built from its own <see cref="TrialRandom"/>, then transposed), and its dropout
/// masks come from its own draws in the single network's order and shapes, so a packed trial draws the
/// same random numbers as the same trial trained alone.
/// </summary>
internal sealed class PackedNetwork : IDisposable
{
    private readonly IReadOnlyList<double> dropouts;
    private readonly IReadOnlyList<TrialRandom> randoms;
    private readonly Tensor dropoutKeep;
    private readonly Tensor dropoutRate;
    private readonly Scalar one = 1.0.ToScalar();
    private readonly Scalar zero = 0.0.ToScalar();

    public PackedNetwork(int inputs, IReadOnlyList<int> widths, int outputs, IReadOnlyList<double> dropouts, IReadOnlyList<TrialRandom> randoms, Device device)
    {
        this.dropouts = dropouts;
        this.randoms = randoms;
        var singles = randoms.Select((r, k) => new FeedForwardNetwork(inputs, widths, outputs, dropouts[k], r)).ToList();
        try
        {
            Layers = Enumerable.Range(0, singles[0].Layers.Count).Select(l => StackLayer(singles, l)).ToList();
            ParameterCount = singles[0].ParameterCount;
        }
        finally
        {
            singles.ForEach(n => n.Dispose());
        }
        // Inverted dropout divides by 1-p; a trial without dropout divides by 1 (exact), so one division serves all.
        dropoutKeep = torch.tensor(dropouts.Select(p => (float)(1.0 - p)).ToArray(), [dropouts.Count, 1, 1], device: device);
        dropoutRate = torch.tensor(dropouts.Select(p => (float)p).ToArray(), [dropouts.Count, 1, 1], device: device);
    }

    public IReadOnlyList<PackedLayer> Layers { get; }

    public int Count => dropouts.Count;

    /// <summary>Parameters of one trial's network (weights and biases).</summary>
    public long ParameterCount { get; }

    /// <summary>Logits <c>[K, B, classes]</c> for per-trial batches <c>[K, B, in]</c>; dropout only where <paramref name="drawsMasks"/> says so.</summary>
    public Tensor Forward(Tensor input, IReadOnlyList<bool> drawsMasks)
    {
        var x = input;
        var anyDropout = Enumerable.Range(0, Count).Any(k => drawsMasks[k] && dropouts[k] > 0);
        for (var i = 0; i < Layers.Count; i++)
        {
            x = torch.bmm(x, Layers[i].Weight).add_(Layers[i].Bias, one);
            if (i + 1 < Layers.Count)
            {
                x = nn.functional.relu(x);
                if (anyDropout)
                {
                    x = x.mul(DropoutMasks(x.shape[1], x.shape[2], x.device, drawsMasks)).div_(dropoutKeep);
                }
            }
        }
        return x;
    }

    /// <summary>Logits <c>[K, n, classes]</c> of every trial for the same rows <c>[n, in]</c> (evaluation: no dropout).</summary>
    public Tensor ForwardShared(Tensor input)
    {
        var x = input.unsqueeze(0).expand(Count, -1, -1);
        for (var i = 0; i < Layers.Count; i++)
        {
            x = torch.bmm(x, Layers[i].Weight).add_(Layers[i].Bias, one);
            if (i + 1 < Layers.Count)
            {
                x = nn.functional.relu(x);
            }
        }
        return x;
    }

    /// <summary>
    /// Adds the gradient of each trial's <c>λ_k · Σ|w|</c>, <c>λ_k · sign(w)</c> (<paramref name="lambdas"/> <c>[K, 1, 1]</c>), to the
    /// stacked gradients after the cross-entropy's backward pass: the numbers <see cref="Network.L1Term.AddGradient"/> adds for one trial.
    /// </summary>
    public void AddL1Gradient(Tensor lambdas, bool includeBiases)
    {
        using var noGrad = torch.no_grad();
        foreach (var layer in Layers)
        {
            AddSignTimes(layer.Weight, lambdas);
            if (includeBiases)
            {
                AddSignTimes(layer.Bias, lambdas);
            }
        }
    }

    /// <summary>
    /// Each trial's group soft-threshold after the optimizer step, with <c>t_g = scale_k·√p_g</c> (<paramref name="scales"/>
    /// <c>[K, 1, 1]</c>, <c>lr_k·λ_k</c>; 0 leaves a slice as it is): the step <see cref="Network.GroupL1.Shrink"/> takes for one
    /// trial, on the stacked <c>[K, in, out]</c> layout (an input's group is a row of the first layer; a hidden unit's, a column
    /// of the layer into it). Every norm is per trial.
    /// </summary>
    public void ShrinkGroups(Tensor scales, L1Groups groups)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        if (groups is L1Groups.Inputs or L1Groups.Both)
        {
            GroupSoftThreshold.Apply(Layers[0].Weight, 2, scales);
        }
        if (groups is L1Groups.Neurons or L1Groups.Both)
        {
            foreach (var layer in Layers.Take(Layers.Count - 1))
            {
                GroupSoftThreshold.Apply(layer.Weight, 1, scales);
            }
        }
    }

    private void AddSignTimes(Tensor parameter, Tensor lambdas)
    {
        if (parameter.grad is { } gradient)
        {
            using var sign = parameter.sign();
            gradient.addcmul_(sign, lambdas, one);
        }
    }

    /// <summary>Sets the slices of the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool) to zero, e.g. to stop a diverged trial's NaN.</summary>
    public void ZeroSlices(Tensor trials)
    {
        using var noGrad = torch.no_grad();
        foreach (var layer in Layers)
        {
            layer.Weight.masked_fill_(trials, zero);
            layer.Bias.masked_fill_(trials, zero);
        }
    }

    /// <summary>
    /// Trial k's keep mask is drawn like <see cref="FeedForwardNetwork"/>'s (<c>rand([B, width])</c> from its draws, <c>≥ p</c>:
    /// <c>rand</c> is <c>uniform_(0, 1)</c> on a fresh tensor, so filling trial k's contiguous slice draws the same numbers);
    /// a trial without dropout, or one that no longer trains, draws nothing and keeps every unit.
    /// </summary>
    private Tensor DropoutMasks(long rows, long width, Device device, IReadOnlyList<bool> drawsMasks)
    {
        var masks = torch.empty([Count, rows, width], device: device);
        for (var k = 0; k < Count; k++)
        {
            using var slice = masks[k];
            if (drawsMasks[k] && dropouts[k] > 0)
            {
                randoms[k].FillUniform(slice);
            }
            else
            {
                slice.fill_(one);
            }
        }
        return masks.ge_(dropoutRate);
    }

    private static PackedLayer StackLayer(IReadOnlyList<FeedForwardNetwork> singles, int layer)
    {
        using var noGrad = torch.no_grad();
        var weight = torch.stack(singles.Select(n => n.Layers[layer].Weight.t())).contiguous();
        var bias = torch.stack(singles.Select(n => n.Layers[layer].Bias)).unsqueeze(1).contiguous();
        weight.requires_grad = true;
        bias.requires_grad = true;
        return new PackedLayer(weight, bias);
    }

    public void Dispose()
    {
        foreach (var layer in Layers)
        {
            layer.Weight.Dispose();
            layer.Bias.Dispose();
        }
        dropoutKeep.Dispose();
        one.Dispose();
        zero.Dispose();
        dropoutRate.Dispose();
    }
}
